namespace GoWatch.Daemon.Watching;

/// <summary>What is at a path, as far as choosing watch roots cares.</summary>
public enum EntryKind
{
    Missing,
    Directory,

    /// <summary>A symlink to a directory: a watcher would follow it, but the link itself lives in its parent.</summary>
    DirectoryLink,

    /// <summary>A file, or a symlink to anything else.</summary>
    Other,
}
