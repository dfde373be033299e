namespace GoWatch.Daemon.Watching;

/// <summary>
/// One directory handed to a <see cref="FileSystemWatcher"/>. <paramref name="Path"/> is the
/// directory's real path (FSEvents reports real paths: <c>/etc</c> is watched as
/// <c>/private/etc</c>); <paramref name="CataloguePath"/> is how the catalogue spells it, so
/// an event's path can be mapped back before the catalogue is asked about it.
/// </summary>
public sealed record WatchRoot(string Path, bool Recursive, string CataloguePath)
{
    public WatchRoot(string path, bool recursive)
        : this(path, recursive, path)
    {
    }

    /// <summary>An event path under <see cref="Path"/> spelled under <see cref="CataloguePath"/>.</summary>
    public string ToCataloguePath(string eventPath) =>
        Path == CataloguePath || !eventPath.StartsWith(Path, StringComparison.Ordinal)
            ? eventPath
            : CataloguePath + eventPath[Path.Length..];

    /// <summary>True when a change at <paramref name="cataloguePath"/> is delivered by this root's watcher.</summary>
    public bool Covers(string cataloguePath) =>
        cataloguePath == CataloguePath
        || (Recursive
            ? cataloguePath.StartsWith(CataloguePath.TrimEnd('/') + "/", StringComparison.Ordinal)
            : System.IO.Path.GetDirectoryName(cataloguePath) == CataloguePath);
}
