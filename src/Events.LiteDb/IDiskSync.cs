using Microsoft.Win32.SafeHandles;

namespace GoWatch.Events.Store.LiteDb;

/// <summary>
/// The one call that makes written bytes survive a power cut. A seam so tests can count the
/// syncs and model a slow disk (on Apple SSDs a full sync costs several times a Linux fsync).
/// </summary>
internal interface IDiskSync
{
    /// <summary>Makes everything written to <paramref name="file"/> so far durable.</summary>
    /// <exception cref="IOException">the disk reported an error: what was written may be lost.</exception>
    void Sync(SafeFileHandle file);

    /// <summary>Makes <paramref name="directory"/>'s entries durable (the name of a file just created). Best effort.</summary>
    void SyncDirectory(string directory);
}
