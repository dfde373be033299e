using GoWatch.Platform.FileSystem;

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
    public static DaemonLaunch FromExecutable(string executablePath, params string[] arguments) =>
        new(HomebrewPaths.Stable(executablePath), arguments);

    /// <summary>
    /// The daemon as a framework-dependent dll run by the <c>dotnet</c> host. A host inside
    /// Homebrew's Cellar is named through <c>opt/dotnet</c>, which survives <c>brew upgrade</c>.
    /// </summary>
    public static DaemonLaunch FromDll(string dotnetHostPath, string dllPath, params string[] arguments) =>
        new(HomebrewPaths.Stable(dotnetHostPath), [HomebrewPaths.Stable(dllPath), .. arguments]);

    /// <summary>The file Gatekeeper judges: the daemon's own executable, or its dll when the dotnet host runs it.</summary>
    public string DaemonFile =>
        Path.GetFileNameWithoutExtension(ExecutablePath) == "dotnet" && Arguments.Count > 0 ? Arguments[0] : ExecutablePath;

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
                merged[name] = name.StartsWith("DOTNET_ROOT", StringComparison.Ordinal) ? HomebrewPaths.Stable(value) : value;
            }
        }
        return this with { Environment = merged };
    }
}
