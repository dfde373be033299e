using GoWatch.Platform;
using GoWatch.Platform.FileSystem;
using GoWatch.Platform.Locations;
using GoWatch.Recording.Catalogue;

namespace GoWatch.Daemon.Watching;

/// <summary>
/// Which directories to hand to <see cref="FileSystemWatcher"/>s for a catalogue: a pure
/// function of the catalogue, the platform and what exists on disk.
/// <para>
/// Linux (inotify) watches are not recursive and cost one descriptor entry each: every
/// directory of the catalogue is watched on its own, a missing one through its nearest
/// existing ancestor, and the parent of each is watched too so its deletion or replacement is seen.
/// </para>
/// <para>
/// macOS (FSEvents) streams are always recursive: a non-recursive <see cref="FileSystemWatcher"/>
/// still wakes for every write below its directory and only then drops the event, and each
/// start calls <c>sync()</c>. So a root is never <c>/</c>, an ancestor of the home directory or
/// of a system directory, nor a busy shared directory (<c>~/Library</c>, <c>/usr/local</c>); roots are as deep as they can
/// be (a real path, <c>/private/etc</c> for <c>/etc</c>; an existing installation itself, not
/// its parent); a root holding other needed directories is watched recursively in their stead.
/// The home directory is the one exception: files directly in <c>~</c> need it, so it is a
/// single non-recursive root.
/// </para>
/// </summary>
public static class WatchRoots
{
    /// <summary>Directories that hold the system or every user's files: watching one wakes on the whole disk.</summary>
    public static IReadOnlyList<string> MacSystemDirectories { get; } = ["/", "/Users", "/usr", "/opt", "/private", "/Library", "/System", "/Applications", "/Volumes"];

    public static IReadOnlyList<WatchRoot> Compute(WatchCatalogue catalogue, GoWatchSettings settings) =>
        Compute(catalogue, settings, Probe, RealPath);

    public static IReadOnlyList<WatchRoot> Compute(WatchCatalogue catalogue, GoWatchSettings settings, Func<string, EntryKind> probe, Func<string, string> realPath) =>
        settings.Platform == PlatformKind.MacOS
            ? ForFsEvents(catalogue, settings, probe, realPath)
            : ForInotify(catalogue, probe);

    /// <summary>
    /// Directories that are never a macOS watch root themselves, though a directory below one
    /// may be: every application writes under <c>~/Library</c>, and Intel Homebrew under <c>/usr/local</c>.
    /// </summary>
    public static IReadOnlyList<string> MacBusyDirectories { get; } = ["/usr/local"];

    /// <summary>The real paths that must never be a macOS watch root, nor hold one (system directories) or only never be one (busy directories).</summary>
    public static (IReadOnlySet<string> System, IReadOnlySet<string> Busy) MacForbidden(GoWatchSettings settings, Func<string, string> realPath)
    {
        HashSet<string> Both(IEnumerable<string> dirs)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var dir in dirs)
            {
                set.Add(Trim(dir));
                set.Add(Trim(realPath(dir)));
            }
            return set;
        }
        var system = Both(MacSystemDirectories.Select(settings.SystemPath));
        var busy = Both(MacBusyDirectories.Select(settings.SystemPath)
            .Concat([Path.Combine(settings.Home, "Library"), Path.Combine(settings.Home, "Library", "Application Support")]));
        return (system, busy);
    }

    private static List<WatchRoot> ForInotify(WatchCatalogue catalogue, Func<string, EntryKind> probe)
    {
        var wanted = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string dir)
        {
            if (seen.Add(dir))
            {
                wanted.Add(dir);
            }
        }
        foreach (var dir in catalogue.Directories())
        {
            if (NearestDirectory(dir, probe) is { } existing)
            {
                Add(existing);
                if (existing == dir && Path.GetDirectoryName(dir) is { } parent)
                {
                    Add(parent);
                }
            }
        }
        return wanted.Select(d => new WatchRoot(d, recursive: false)).ToList();
    }

    private static List<WatchRoot> ForFsEvents(WatchCatalogue catalogue, GoWatchSettings settings, Func<string, EntryKind> probe, Func<string, string> realPath)
    {
        var home = Trim(realPath(settings.Home));
        var (system, busy) = MacForbidden(settings, realPath);
        bool Allowed(string real) =>
            !system.Contains(real)
            && !busy.Contains(real)
            && !IsStrictAncestor(real, home)
            && !system.Any(f => IsStrictAncestor(real, f));

        var needed = catalogue.Targets.Select(t => t.Directory)
            .Concat(catalogue.Installations.SelectMany(i => probe(i) == EntryKind.Directory
                // A real directory is watched itself, with its bin (bin/go replaced); a symlink
                // such as opt/go is replaced in its parent, which is what must be watched.
                ? new[] { i, Path.Combine(i, "bin") }
                : [Path.GetDirectoryName(i) ?? i]))
            .Concat(catalogue.RefreshDirectories);

        // Real path → the catalogue's spelling of it; the first spelling met wins.
        var candidates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in needed)
        {
            if (NearestDirectory(dir, probe) is not { } existing)
            {
                continue;
            }
            var real = Trim(realPath(existing));
            if (Allowed(real))
            {
                candidates.TryAdd(real, Trim(existing));
            }
        }

        bool Holds(KeyValuePair<string, string> outer, KeyValuePair<string, string> inner) =>
            IsStrictAncestor(outer.Key, inner.Key) && IsStrictAncestor(outer.Value, inner.Value);

        var roots = new List<WatchRoot>();
        foreach (var candidate in candidates.OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            if (roots.Any(r => r.Recursive && IsStrictAncestor(r.Path, candidate.Key) && IsStrictAncestor(r.CataloguePath, candidate.Value)))
            {
                continue;
            }
            var recursive = candidate.Key != home && candidates.Any(other => Holds(candidate, other));
            roots.Add(new WatchRoot(candidate.Key, recursive, candidate.Value));
        }
        return roots.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
    }

    private static string? NearestDirectory(string dir, Func<string, EntryKind> probe)
    {
        for (var current = dir; current is not null; current = Path.GetDirectoryName(current))
        {
            if (probe(current) is EntryKind.Directory or EntryKind.DirectoryLink)
            {
                return current;
            }
        }
        return null;
    }

    private static bool IsStrictAncestor(string ancestor, string path) =>
        path.Length > ancestor.Length
        && path.StartsWith(ancestor == "/" ? "/" : ancestor + "/", StringComparison.Ordinal);

    private static string Trim(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    /// <summary>The disk as <see cref="Compute(WatchCatalogue, GoWatchSettings, Func{string, EntryKind}, Func{string, string})"/> sees it.</summary>
    public static EntryKind Probe(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                return Directory.Exists(path) ? EntryKind.DirectoryLink : EntryKind.Other;
            }
            if (Directory.Exists(path))
            {
                return EntryKind.Directory;
            }
            return info.Exists ? EntryKind.Other : EntryKind.Missing;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return EntryKind.Missing;
        }
    }

    private static string RealPath(string path)
    {
        try
        {
            return RealPaths.Resolve(path);
        }
        catch (IOException)
        {
            return path;
        }
    }
}
