namespace GoWatch.Platform.Service;

/// <summary>
/// How the service manager starts <c>gowatchd</c>: an absolute executable and its arguments,
/// e.g. the <c>gowatchd</c> apphost, or <c>dotnet</c> with <c>gowatchd.dll</c>. The caller knows
/// where the daemon is installed; the service layer never guesses.
/// </summary>
public sealed record DaemonLaunch(string ExecutablePath, IReadOnlyList<string> Arguments)
{
    /// <summary>Variables set for the daemon by launchd or systemd (e.g. <c>GOWATCH_DATA_DIR</c>, <c>DOTNET_ROOT</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The daemon's own executable (an apphost).</summary>
    public static DaemonLaunch FromExecutable(string executablePath, params string[] arguments) => new(executablePath, arguments);

    /// <summary>The daemon as a framework-dependent dll run by the <c>dotnet</c> host.</summary>
    public static DaemonLaunch FromDll(string dotnetHostPath, string dllPath, params string[] arguments) =>
        new(dotnetHostPath, [dllPath, .. arguments]);

    /// <summary>
    /// Returns a copy that also carries every <c>GOWATCH_*</c> and <c>DOTNET_ROOT*</c> variable of
    /// <paramref name="environment"/>: the daemon started by launchd or systemd does not inherit
    /// the installing shell, yet must resolve the same data dir as the CLI and find the runtime.
    /// </summary>
    public DaemonLaunch WithForwardedEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var merged = new Dictionary<string, string>(Environment, StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            if (name.StartsWith("GOWATCH_", StringComparison.Ordinal) || name.StartsWith("DOTNET_ROOT", StringComparison.Ordinal))
            {
                merged[name] = value;
            }
        }
        return this with { Environment = merged };
    }
}
