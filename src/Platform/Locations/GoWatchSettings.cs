namespace GoWatch.Platform.Locations;

/// <summary>
/// Every well-known location and tunable of GoWatch, resolved once from the platform defaults,
/// the optional config file and <c>GOWATCH_</c> environment variables (in that order of precedence,
/// last wins). Daemon and CLI resolve the same settings, so they always agree on the data dir.
/// </summary>
public sealed record GoWatchSettings
{
    public required PlatformKind Platform { get; init; }

    /// <summary>Host CPU as Go names it: <c>arm64</c> or <c>amd64</c>.</summary>
    public required string HostArch { get; init; }

    public required string Home { get; init; }
    public required string DataDir { get; init; }
    public required string LogDir { get; init; }
    public required string ConfigFile { get; init; }

    /// <summary>Prefix for system locations (<c>/etc</c>, <c>/usr/local</c>, <c>/opt/homebrew</c>) so a test can lay out a Mac-like tree.</summary>
    public required string SystemRoot { get; init; }

    public required string JetBrainsConfigRoot { get; init; }
    public required string GoEnvFile { get; init; }

    /// <summary>The user's login shell; null when none could be found.</summary>
    public string? Shell { get; init; }

    /// <summary>Quiet time after the last change to a path before it is recorded.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the daemon re-reads every watched file to catch anything a watcher missed.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the daemon verifies the setup when nothing changes.</summary>
    public TimeSpan VerifyInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Quiet time after the last recorded change before the daemon verifies (a burst gives one run).</summary>
    public TimeSpan VerifyAfterChange { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Desktop notifications on a break; when off, breaks are still recorded and logged.</summary>
    public bool Notifications { get; init; } = true;

    /// <summary>At most one desktop notification per this interval; suppressed ones are still recorded.</summary>
    public TimeSpan NotificationInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Files larger than this are fingerprinted, not snapshotted.</summary>
    public long ContentCapBytes { get; init; } = 1024 * 1024;

    /// <summary>The daemon refuses to run as root unless this is set.</summary>
    public bool AllowRoot { get; init; }

    public string StorePath => Path.Combine(DataDir, "events.db");
    public string LockPath => Path.Combine(DataDir, "gowatch.lock");
    /// <summary>The user's runtime directory (<c>$XDG_RUNTIME_DIR</c>), where a socket goes when the data dir is too deep for one.</summary>
    public string? RuntimeDir { get; init; }

    /// <summary>In the data dir, unless that path is too long for a Unix socket (see <see cref="SocketLocation"/>).</summary>
    public string SocketPath => SocketLocation.For(DataDir, Platform, RuntimeDir);
    public string DaemonInfoPath => Path.Combine(DataDir, "gowatchd.json");

    /// <summary>Maps an absolute system path such as <c>/etc/zshrc</c> under <see cref="SystemRoot"/>.</summary>
    public string SystemPath(string absolute) =>
        SystemRoot == "/" ? absolute : Path.Combine(SystemRoot, absolute.TrimStart('/'));
}
