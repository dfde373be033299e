namespace GoWatch.Platform.Service;

/// <summary>What launchd or systemd says about the GoWatch service.</summary>
public sealed record ServiceStatus
{
    /// <summary>The plist or unit file exists at its well-known path.</summary>
    public required bool Installed { get; init; }

    /// <summary>launchd has the agent bootstrapped / systemd has the unit loaded.</summary>
    public required bool Loaded { get; init; }

    public required bool Running { get; init; }

    /// <summary>
    /// launchd has the service disabled, so it does not start at login. On macOS 13 and later
    /// that is usually the "Allow in the Background" switch in System Settings › Login Items.
    /// </summary>
    public bool Disabled { get; init; }

    /// <summary>launchd's <c>state</c>, or systemd's <c>ActiveState (SubState)</c>.</summary>
    public string? State { get; init; }

    public int? Pid { get; init; }

    /// <summary>launchd's <c>last exit code</c> / systemd's <c>ExecMainStatus</c>; null when it never exited.</summary>
    public int? LastExitStatus { get; init; }

    /// <summary>Every top-level property the service manager printed, for <c>--json</c> and diagnostics.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}
