using System.Reflection;

namespace GoWatch.Events.Store.LiteDb;

/// <summary>
/// Bounds LiteDB's page cache in an always-on process. LiteDB 5 grows the cache in segments of
/// 12, 50, 100, 500, then 1,000 pages of 8 KiB, and reuses cached pages only once more of them are
/// idle than the next segment holds: after any burst of appends the daemon kept 1,662 pages
/// (13.3 MB) of cache for good, most of it an 8 MB segment allocated in the burst. Capping every
/// segment at a smaller size keeps the cache near 2 MB; pages read again come from the OS's file
/// cache. LiteDB has no setting for this, only its segment sizes (an internal, mutable array that
/// every engine opened afterwards reads), hence the reflection.
/// </summary>
public static class PageCacheLimit
{
    /// <summary>Pages per segment once the first ones (12, 50, 100) are in.</summary>
    public const int SegmentPages = 100;

    /// <summary>
    /// Caps LiteDB's segment sizes for every engine this process opens from now on. False when this
    /// LiteDB has no such sizes (another version): the cache then grows as LiteDB decides.
    /// </summary>
    public static bool Apply()
    {
        var field = Type.GetType("LiteDB.Constants, LiteDB")?.GetField("MEMORY_SEGMENT_SIZES", BindingFlags.Public | BindingFlags.Static);
        if (field?.GetValue(null) is not int[] sizes)
        {
            return false;
        }
        for (var i = 0; i < sizes.Length; i++)
        {
            sizes[i] = Math.Min(sizes[i], SegmentPages);
        }
        return true;
    }

    /// <summary>The segment sizes LiteDB uses now, or null when it has none to read.</summary>
    public static IReadOnlyList<int>? Current() =>
        Type.GetType("LiteDB.Constants, LiteDB")?.GetField("MEMORY_SEGMENT_SIZES", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as int[];
}
