using GoWatch.Platform.Locations;

namespace GoWatch.Platform.Service;

/// <summary>Everything a service manager needs from the outside world, so tests can replace any of it.</summary>
public sealed record ServiceOptions
{
    /// <summary>The user's home: <c>~/Library/LaunchAgents</c> and <c>~/.config</c> live under it.</summary>
    public required string Home { get; init; }

    /// <summary>Where launchd writes the daemon's stdout and stderr.</summary>
    public required string LogDir { get; init; }

    /// <summary><c>$XDG_CONFIG_HOME</c>; null or relative means <c>~/.config</c>, as the XDG spec says.</summary>
    public string? XdgConfigHome { get; init; }

    public required DaemonLaunch Daemon { get; init; }

    /// <summary>Where <c>launchctl</c> / <c>systemctl</c> are looked up.</summary>
    public ToolLocator Tools { get; init; } = ToolLocator.FromEnvironment();

    /// <summary>The uid naming launchd's <c>gui/&lt;uid&gt;</c> domain.</summary>
    public Func<uint> UserId { get; init; } = UnixUser.CurrentUserId;

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause between <c>launchctl bootout</c> and the retried bootstrap, while launchd tears the old job down.</summary>
    public TimeSpan BootoutSettleDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Options from the resolved settings and this process's environment.</summary>
    public static ServiceOptions From(GoWatchSettings settings, DaemonLaunch daemon)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ServiceOptions
        {
            Home = settings.Home,
            LogDir = settings.LogDir,
            XdgConfigHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME"),
            Daemon = daemon,
        };
    }
}
