namespace GoWatch.Checks.Facts;

/// <summary>What a path names once symlinks are followed.</summary>
public enum PathKind
{
    /// <summary>Nothing there (or a dangling link, or a relative path, which names nothing fixed).</summary>
    Missing,
    /// <summary>A regular file.</summary>
    File,
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>Something else: a socket, a device, a FIFO.</summary>
    Other,
}
