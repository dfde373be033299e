using GoWatch.Platform.Locations;

namespace GoWatch.Recording.Catalogue;

/// <summary>
/// What the daemon watches. The catalogue is a value: the watchers, the reconciler and
/// <c>revert</c> all ask it whether a path belongs, so they can never disagree.
/// </summary>
public sealed class WatchCatalogue(IReadOnlyList<WatchTarget> targets)
{
    public IReadOnlyList<WatchTarget> Targets { get; } = targets;

    /// <summary>The catalogue entry a path belongs to, or null when it is not watched.</summary>
    public WatchTarget? Find(string path) => Targets.FirstOrDefault(t => t.Matches(path));

    public bool IsRevertible(string path) => Find(path)?.Revertible == true;

    /// <summary>Every file the catalogue names right now.</summary>
    public IEnumerable<string> CurrentPaths() => Targets.SelectMany(t => t.CurrentPaths()).Distinct(StringComparer.Ordinal);

    /// <summary>The directories whose entries must be watched (each target's own directory).</summary>
    public IEnumerable<string> Directories() => Targets.Select(t => t.Directory).Distinct(StringComparer.Ordinal);

    /// <summary>The default catalogue of SPEC §3 for these settings: the shell startup classes.</summary>
    public static WatchCatalogue Default(GoWatchSettings settings)
    {
        var home = settings.Home;
        var targets = new List<WatchTarget>();
        foreach (var name in new[] { ".zshenv", ".zprofile", ".zshrc", ".zlogin", ".bash_profile", ".bashrc", ".profile" })
        {
            targets.Add(WatchTarget.File(Path.Combine(home, name), FileClass.ShellStartup, revertible: true));
        }
        var fish = Path.Combine(home, ".config", "fish");
        targets.Add(WatchTarget.File(Path.Combine(fish, "config.fish"), FileClass.ShellStartup, revertible: true));
        targets.Add(WatchTarget.File(Path.Combine(fish, "fish_variables"), FileClass.ShellStartup, revertible: true));
        targets.Add(WatchTarget.Glob(Path.Combine(fish, "conf.d"), "*.fish", FileClass.ShellStartup, revertible: true));

        foreach (var system in new[] { "/etc/paths", "/etc/zshenv", "/etc/zprofile", "/etc/zshrc", "/etc/profile" })
        {
            targets.Add(WatchTarget.File(settings.SystemPath(system), FileClass.SystemShell, revertible: false));
        }
        targets.Add(WatchTarget.Glob(settings.SystemPath("/etc/paths.d"), "*", FileClass.SystemShell, revertible: false));

        targets.Add(WatchTarget.File(settings.GoEnvFile, FileClass.GoEnv, revertible: true));
        return new WatchCatalogue(targets);
    }
}
