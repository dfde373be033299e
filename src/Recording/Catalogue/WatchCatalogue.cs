using GoWatch.Checks.Probes;
using GoWatch.Platform;
using GoWatch.Platform.Locations;

namespace GoWatch.Recording.Catalogue;

/// <summary>
/// What the daemon watches (SPEC §3). The catalogue is a value: the watchers, the recorders,
/// the reconciler and <c>revert</c> all ask it whether a path belongs, so they can never
/// disagree. When the set of things to watch can change (a new GoLand version, a project in
/// <c>recentProjects.xml</c>, a Go unpacked into <c>~/sdk</c>), a new catalogue is built
/// (<see cref="CatalogueSource"/>).
/// </summary>
public sealed class WatchCatalogue(IReadOnlyList<WatchTarget> targets, IReadOnlyList<string>? installations = null, IReadOnlyList<string>? refreshDirectories = null)
{
    /// <summary>Files whose content is snapshotted.</summary>
    public IReadOnlyList<WatchTarget> Targets { get; } = targets;

    /// <summary>Go installations and Homebrew prefixes, fingerprinted rather than read.</summary>
    public IReadOnlyList<string> Installations { get; } = installations ?? [];

    /// <summary>Directories whose entries decide what the catalogue holds: a change there means "rebuild the catalogue".</summary>
    public IReadOnlyList<string> RefreshDirectories { get; } = refreshDirectories ?? [];

    // Arrays and each installation's bin directory made once: the lookups below run for every watcher event.
    private readonly WatchTarget[] _targets = [.. targets];
    private readonly (string Installation, string Bin)[] _installationBins = [.. (installations ?? []).Select(i => (i, Path.Combine(i, "bin")))];
    private readonly string[] _refreshDirectories = [.. refreshDirectories ?? []];

    /// <summary>The catalogue entry a path belongs to, or null when it is not watched.</summary>
    public WatchTarget? Find(string path)
    {
        // A loop, not LINQ: the watchers ask for every event of a burst.
        foreach (var target in _targets)
        {
            if (target.Matches(path))
            {
                return target;
            }
        }
        return null;
    }

    public bool IsRevertible(string path) => Find(path)?.Revertible == true;

    /// <summary>
    /// The installation a changed path affects: the installation itself, an entry directly in it
    /// (<c>VERSION</c>, <c>bin</c>) or in its <c>bin</c> directory (<c>bin/go</c> replaced).
    /// </summary>
    public string? FindInstallation(string path)
    {
        var parent = WatchTarget.ParentOf(path);
        foreach (var (installation, bin) in _installationBins)
        {
            if (installation == path || parent.SequenceEqual(installation) || parent.SequenceEqual(bin))
            {
                return installation;
            }
        }
        return null;
    }

    /// <summary>True when a change at <paramref name="path"/> may change what the catalogue holds.</summary>
    public bool AffectsCatalogue(string path)
    {
        var parent = WatchTarget.ParentOf(path);
        if (!parent.IsEmpty)
        {
            foreach (var dir in _refreshDirectories)
            {
                if (parent.SequenceEqual(dir))
                {
                    return true;
                }
            }
        }
        return Find(path) is { RebuildsCatalogue: true };
    }

    /// <summary>Every file the catalogue names right now.</summary>
    public IEnumerable<string> CurrentPaths() => Targets.SelectMany(t => t.CurrentPaths()).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The directories whose entries must be watched: each file target's directory; for each
    /// installation its parent, itself and its <c>bin</c> (never a whole tree); the refresh directories.
    /// </summary>
    public IEnumerable<string> Directories() =>
        Targets.Select(t => t.Directory)
            .Concat(Installations.SelectMany(i => new[] { Path.GetDirectoryName(i)!, i, Path.Combine(i, "bin") }))
            .Concat(RefreshDirectories)
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The default catalogue of SPEC §3 for these settings, with the given extra project directories
    /// and, when the login shell moved it (GOENV=…), the Go env file Go reads beside the default one.
    /// </summary>
    public static WatchCatalogue Default(GoWatchSettings settings, IEnumerable<string>? watchedProjects = null, string? goEnvFile = null)
    {
        var home = settings.Home;
        var targets = new List<WatchTarget>();

        // Shell startup files: the user's are revertible, the system's only recorded.
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
        if (goEnvFile is { Length: > 0 } && goEnvFile != settings.GoEnvFile && Path.IsPathFullyQualified(goEnvFile))
        {
            targets.Add(WatchTarget.File(goEnvFile, FileClass.GoEnv, revertible: true));
        }

        // GoLand: the options of every installed version, and every project it or the user names.
        var refresh = new List<string> { settings.JetBrainsConfigRoot };
        foreach (var config in Subdirectories(settings.JetBrainsConfigRoot, "GoLand*"))
        {
            var options = Path.Combine(config, "options");
            foreach (var name in new[] { "go.sdk.xml", "goLibraries.xml", "terminal.xml", "terminal-local.xml" })
            {
                targets.Add(WatchTarget.File(Path.Combine(options, name), FileClass.GoLand, revertible: true));
            }
            targets.Add(WatchTarget.File(Path.Combine(options, "recentProjects.xml"), FileClass.GoLand, revertible: true) with { RebuildsCatalogue = true });
        }
        var projects = (watchedProjects ?? []).Concat(RecentProjects(settings)).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            targets.Add(WatchTarget.File(Path.Combine(project, ".idea", "workspace.xml"), FileClass.GoLand, revertible: true));
            targets.Add(WatchTarget.File(Path.Combine(project, "go.mod"), FileClass.GoLand, revertible: true));
        }

        // Installations: well-known Go roots and binaries, and Homebrew prefixes.
        // Linux-only locations (Debian's /usr/lib/go-*, Linuxbrew) are left out on macOS: there
        // they never exist, and watching for them would put a watch root on /usr or /home.
        var linuxOnly = settings.Platform == PlatformKind.MacOS
            ? LinuxOnlyLocations.Select(settings.SystemPath).ToList()
            : [];
        bool Applies(string path) => !linuxOnly.Any(l => path == l || path.StartsWith(l + "/", StringComparison.Ordinal));

        var installations = InstallationScanner.WellKnownInstallPaths(settings)
            .Concat(InstallationScanner.BrewRepositories.Select(settings.SystemPath))
            .Where(Applies)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var prefix in InstallationScanner.BrewPrefixes.Select(settings.SystemPath).Where(Applies))
        {
            refresh.Add(Path.Combine(prefix, "Cellar", "go"));
        }
        refresh.Add(Path.Combine(home, "go"));
        refresh.Add(Path.Combine(home, "sdk"));
        if (Applies(settings.SystemPath("/usr/lib")))
        {
            refresh.Add(settings.SystemPath("/usr/lib"));
        }

        return new WatchCatalogue(targets, installations, refresh.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Where only Linux puts Go: Debian's packages and Linuxbrew.</summary>
    public static IReadOnlyList<string> LinuxOnlyLocations { get; } = ["/usr/lib", "/home/linuxbrew"];

    private static IEnumerable<string> RecentProjects(GoWatchSettings settings)
    {
        try
        {
            return GoLandReader.Read(settings, []).Projects.Select(p => p.Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return [];
        }
    }

    private static IEnumerable<string> Subdirectories(string dir, string pattern)
    {
        try
        {
            return Directory.Exists(dir) ? Directory.EnumerateDirectories(dir, pattern).Order(StringComparer.Ordinal).ToList() : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
