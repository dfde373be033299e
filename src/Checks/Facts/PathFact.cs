using GoWatch.Checks.Binary;

namespace GoWatch.Checks.Facts;

/// <summary>
/// What the disk said about one path the other facts mention: whether it exists and as what,
/// where it really is (and its device and inode), and for an executable file the CPU its header names.
/// </summary>
public sealed record PathFact(string Path, PathKind Kind, string RealPath, bool Executable = false, BinaryHeader? Header = null, FileIdentity? Identity = null)
{
    /// <summary>True when something is there.</summary>
    public bool Exists => Kind != PathKind.Missing;

    /// <summary>True for a directory (after links).</summary>
    public bool IsDirectory => Kind == PathKind.Directory;

    /// <summary>True for a regular file (after links).</summary>
    public bool IsFile => Kind == PathKind.File;

    /// <summary>The header of an executable file; unknown for anything else.</summary>
    public BinaryHeader BinaryHeader => Header ?? BinaryHeader.Unknown;
}
