namespace GoWatch.Checks.Facts;

/// <summary>
/// Which file a path reaches: its device and inode. Two spellings of one place agree here even
/// when their text does not, as <c>/usr/local/Go</c> and <c>/usr/local/go</c> on APFS, which
/// ignores case by default.
/// </summary>
public readonly record struct FileIdentity(long Device, long Inode);
