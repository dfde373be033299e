namespace GoWatch.Checks.Facts;

/// <summary>
/// Everything the checks look at, gathered once per verification. Checks are pure functions
/// of this record, so any situation can be replayed by building one by hand.
/// </summary>
public sealed record MachineFacts
{
    /// <summary>Platform, CPU and shell.</summary>
    public required HostFacts Host { get; init; }

    /// <summary>The login shell run.</summary>
    public required ShellFacts Shell { get; init; }

    /// <summary>The go on the shell's PATH; null when the shell gave no PATH to look in.</summary>
    public GoFacts? Go { get; init; }

    /// <summary>Installations, Homebrew, dangling links.</summary>
    public InstallationFacts Installations { get; init; } = InstallationFacts.Empty;

    /// <summary>Go's env file.</summary>
    public required GoEnvFileFacts GoEnvFile { get; init; }

    /// <summary>GoLand settings and projects.</summary>
    public GoLandFacts GoLand { get; init; } = GoLandFacts.Empty;

    /// <summary>The environment apps started from the Dock or the desktop inherit.</summary>
    public DesktopSessionFacts Desktop { get; init; } = DesktopSessionFacts.NotProbed;

    /// <summary>Every path the facts above mention: exists, kind, real path, executable, header.</summary>
    public PathFacts Paths { get; init; } = PathFacts.Empty;

    /// <summary>The tools in GOBIN and GOPATH's bin; null when they were not looked at.</summary>
    public ToolFacts? Tools { get; init; }
}
