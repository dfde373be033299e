using GoWatch.Checks.Binary;
using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Probes;

/// <summary>
/// Looks for Go where installers put it (the official pkg, Homebrew on either CPU, GoLand's
/// SDK downloads, Debian packages) and along PATH. Installations are told apart by their
/// canonical root, so <c>/usr/local/bin/go → /usr/local/go/bin/go</c> counts once.
/// </summary>
public sealed class InstallationScanner : IInstallationScanner
{
    /// <summary>Homebrew prefixes where formulae link <c>bin/go</c>: Apple Silicon, Intel, Linux.</summary>
    public static IReadOnlyList<string> BrewPrefixes { get; } = ["/opt/homebrew", "/usr/local", "/home/linuxbrew/.linuxbrew"];

    /// <summary>Homebrew repository directories whose presence means "this Homebrew is installed".</summary>
    public static IReadOnlyList<string> BrewRepositories { get; } = ["/opt/homebrew", "/usr/local/Homebrew", "/home/linuxbrew/.linuxbrew"];

    private static readonly string[] LinkNames = ["go", "gofmt"];

    private sealed record Candidate(string SeenAt, string? RootDir, string GoFile, bool WellKnown, bool OnPath);

    /// <inheritdoc />
    public Task<InstallationFacts> ScanWellKnownAsync(GoWatchSettings settings, CancellationToken cancellationToken) =>
        Task.Run(() => ScanWellKnown(settings), cancellationToken);

    /// <summary>
    /// The well-known places a Go installation can be (SPEC §3): install roots and single
    /// <c>go</c> binaries, fixed ones whether they exist or not, globbed ones (Cellar, ~/sdk) as found now.
    /// </summary>
    public static IReadOnlyList<string> WellKnownInstallPaths(GoWatchSettings settings) =>
        WellKnownCandidates(settings).Select(c => c.SeenAt).Distinct(StringComparer.Ordinal).ToList();

    private static List<Candidate> WellKnownCandidates(GoWatchSettings settings)
    {
        var candidates = new List<Candidate>();
        void Root(string dir) => candidates.Add(new Candidate(dir, dir, Path.Combine(dir, "bin", "go"), true, false));
        void GoFile(string file) => candidates.Add(new Candidate(file, null, file, true, false));

        Root(settings.SystemPath("/usr/local/go"));
        GoFile(settings.SystemPath("/usr/local/bin/go"));
        foreach (var prefix in BrewPrefixes.Select(settings.SystemPath))
        {
            GoFile(Path.Combine(prefix, "bin", "go"));
            foreach (var version in FileSystemPaths.Directories(Path.Combine(prefix, "Cellar", "go"), "*"))
            {
                Root(BrewRoot(version));
            }
            Root(BrewRoot(Path.Combine(prefix, "opt", "go")));
        }
        foreach (var dir in FileSystemPaths.Directories(Path.Combine(settings.Home, "go"), "go1.*")
                     .Concat(FileSystemPaths.Directories(Path.Combine(settings.Home, "sdk"), "go1.*")))
        {
            Root(dir);
        }
        foreach (var dir in FileSystemPaths.Directories(settings.SystemPath("/usr/lib"), "go-*"))
        {
            Root(dir);
        }

        return candidates;
    }

    /// <summary>Synchronous form of <see cref="ScanWellKnownAsync"/>.</summary>
    public static InstallationFacts ScanWellKnown(GoWatchSettings settings)
    {
        var candidates = WellKnownCandidates(settings);

        var binDirs = new List<string> { settings.SystemPath("/usr/local/bin"), settings.SystemPath("/usr/local/go/bin") };
        binDirs.AddRange(BrewPrefixes.Select(p => Path.Combine(settings.SystemPath(p), "bin")));

        var repositories = BrewRepositories.Select(settings.SystemPath).Where(Directory.Exists).ToList();
        var intel = settings.SystemPath("/usr/local/Homebrew");
        return new InstallationFacts
        {
            Installations = Merge([], candidates),
            HomebrewPrefixes = repositories,
            IntelHomebrewPresent = Directory.Exists(intel),
            IntelHomebrewPath = Directory.Exists(intel) ? intel : null,
            DanglingSymlinks = Dangling(binDirs, onPath: false),
        };
    }

    /// <inheritdoc />
    public InstallationFacts AddPath(InstallationFacts wellKnown, IReadOnlyList<string> pathEntries, string? activeGo)
    {
        var absolute = pathEntries.Where(e => e.StartsWith('/')).Distinct(StringComparer.Ordinal).ToList();
        var candidates = new List<Candidate>();
        // A version manager's shim runs an installation found elsewhere; it is not one of its own.
        foreach (var entry in absolute.Where(e => !VersionManagers.IsShim(e)))
        {
            var go = Path.Combine(entry, "go");
            if (FileSystemPaths.IsExecutableFile(go))
            {
                candidates.Add(new Candidate(go, null, go, false, true));
            }
        }

        var dangling = wellKnown.DanglingSymlinks.ToList();
        foreach (var link in Dangling(absolute, onPath: true))
        {
            if (!dangling.Any(d => d.Path == link.Path))
            {
                dangling.Add(link);
            }
        }
        return wellKnown with
        {
            Installations = MarkActive(Merge(wellKnown.Installations, candidates), activeGo),
            DanglingSymlinks = dangling,
        };
    }

    // Homebrew keeps the real GOROOT in libexec; Cellar/go/<v>/bin/go only links into it.
    private static string BrewRoot(string dir) => Directory.Exists(Path.Combine(dir, "libexec")) ? Path.Combine(dir, "libexec") : dir;

    private static IReadOnlyList<GoInstallation> MarkActive(IReadOnlyList<GoInstallation> installations, string? activeGo)
    {
        var activeResolved = activeGo is null ? null : FileSystemPaths.RealPath(activeGo);
        return installations.Select(i => i with { IsActive = activeResolved is not null && i.GoBinary == activeResolved }).ToList();
    }

    private static IReadOnlyList<GoInstallation> Merge(IReadOnlyList<GoInstallation> known, IEnumerable<Candidate> candidates)
    {
        var byRoot = known.ToDictionary(i => i.Root, StringComparer.Ordinal);
        var order = known.Select(i => i.Root).ToList();
        foreach (var candidate in candidates)
        {
            string root;
            string goFile;
            if (candidate.RootDir is { } dir)
            {
                if (!File.Exists(Path.Combine(dir, "VERSION")) && !FileSystemPaths.IsExecutableFile(candidate.GoFile))
                {
                    continue;
                }
                root = FileSystemPaths.RealPath(dir);
                goFile = FileSystemPaths.RealPath(Path.Combine(root, "bin", "go"));
            }
            else
            {
                if (!File.Exists(candidate.GoFile))
                {
                    continue;
                }
                goFile = FileSystemPaths.RealPath(candidate.GoFile);
                root = GoProbe.RootOf(goFile) ?? goFile;
            }

            if (!byRoot.TryGetValue(root, out var existing))
            {
                order.Add(root);
                existing = new GoInstallation
                {
                    Root = root,
                    GoBinary = File.Exists(goFile) ? goFile : null,
                    Version = Directory.Exists(root) ? FileSystemPaths.FirstLine(Path.Combine(root, "VERSION")) : null,
                    Header = File.Exists(goFile) ? BinaryHeaderReader.Read(goFile) : BinaryHeader.Unknown,
                };
            }
            byRoot[root] = existing with
            {
                SeenAt = existing.SeenAt.Contains(candidate.SeenAt) ? existing.SeenAt : [.. existing.SeenAt, candidate.SeenAt],
                WellKnown = existing.WellKnown || candidate.WellKnown,
                OnPath = existing.OnPath || candidate.OnPath,
            };
        }
        return order.Select(r => byRoot[r]).ToList();
    }

    private static IReadOnlyList<DanglingSymlink> Dangling(IEnumerable<string> dirs, bool onPath)
    {
        var found = new List<DanglingSymlink>();
        foreach (var dir in dirs.Distinct(StringComparer.Ordinal))
        {
            foreach (var name in LinkNames)
            {
                var path = Path.Combine(dir, name);
                try
                {
                    var info = new FileInfo(path);
                    if (info.LinkTarget is not { } target)
                    {
                        continue;
                    }
                    bool broken;
                    try
                    {
                        broken = info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true };
                    }
                    catch (IOException)
                    {
                        broken = true; // a loop
                    }
                    if (broken)
                    {
                        found.Add(new DanglingSymlink(path, target, onPath));
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Unreadable directory: nothing we can say about its links.
                }
            }
        }
        return found;
    }
}
