using GoWatch.Checks.Catalogue;
using GoWatch.Events;
using GoWatch.Events.Store;

namespace GoWatch.Recording.Reporting;

/// <summary>
/// Reads what a report needs from a source (the store itself, in the daemon or in a CLI holding it;
/// the daemon's socket from an older daemon): only the window's events, only the types the report
/// folds, plus the few events before the window that say what was already true at its start.
/// </summary>
public static class ReportReader
{
    /// <summary>Events read per query.</summary>
    public const int PageSize = 10_000;

    /// <summary>Parts of a long window read at once: one per core, at most four.</summary>
    public static int Partitions => Math.Clamp(Environment.ProcessorCount, 1, 4);

    public static ReportModel Read(IReportSource source, ReportWindow window) => Read(source, window, PageSize, Partitions);

    public static ReportModel Read(IReportSource source, ReportWindow window, int pageSize, int partitions = 1)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(window);
        var newest = Newest(source);
        var first = FirstPositionAt(source, window.From, newest);
        var start = ReportModel.Start(window, Before(source, first));
        // A long window is read in parts at once: a store serves concurrent readers, and the daemon
        // serves connections at once (one request at a time on each), so through it every further
        // part gets a connection of its own.
        var parts = (int)Math.Clamp((newest - first + 1) / pageSize, 1, partitions);
        var readers = new List<IReportSource> { source };
        try
        {
            while (readers.Count < parts && source.Another() is { } another)
            {
                readers.Add(another);
            }
            var gathered = readers.Count == 1 ? [Gather(source, window, first - 1, null, pageSize)] : Partitioned(readers, window, first, newest, pageSize);
            var model = ReportModel.Join(window, start, gathered);
            var missing = model.Unresolved;
            return missing.Count == 0 ? model : model.Resolve(missing.Order().Select(source.Get).OfType<EventEnvelope>());
        }
        finally
        {
            foreach (var reader in readers.Skip(1).Where(r => !ReferenceEquals(r, source)).OfType<IDisposable>())
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>
    /// Gathers the window's events after <paramref name="after"/> (and before <paramref name="before"/>)
    /// a page at a time, each page dropped once gathered: through the daemon each page is one reply,
    /// so neither side ever holds a month of events, as events or as one JSON document.
    /// </summary>
    private static ReportPart Gather(IReportSource source, ReportWindow window, long after, long? before, int pageSize)
    {
        var part = new ReportPart(window);
        while (true)
        {
            var page = source.Query(new EventQuery { AfterPosition = after, BeforePosition = before, Since = window.From, Types = ReportModel.Types, Ascending = true, Limit = pageSize });
            foreach (var e in page)
            {
                part.Add(e);
            }
            if (page.Count < pageSize)
            {
                return part;
            }
            after = page[^1].Position;
        }
    }

    /// <summary>The window cut into one position range per reader, gathered at once, in order.</summary>
    private static ReportPart[] Partitioned(IReadOnlyList<IReportSource> readers, ReportWindow window, long first, long newest, int pageSize)
    {
        var parts = readers.Count;
        var size = (newest - first + parts) / parts;
        var reads = Enumerable.Range(0, parts).Select(i =>
        {
            var after = first - 1 + (i * size);
            long? before = i == parts - 1 ? null : first + ((i + 1) * size);
            var reader = readers[i];
            return Task.Run(() => Gather(reader, window, after, before, pageSize));
        }).ToArray();
        return reads.Select(r => r.GetAwaiter().GetResult()).ToArray();
    }

    /// <summary>
    /// The first position recorded at or after <paramref name="from"/>, by bisection over positions
    /// (gap-free, and stamped in order by the store's clock), so reading the window walks the
    /// position index from there rather than the whole log. Should the clock have been set back,
    /// events stamped out of order at the boundary may fall outside the window.
    /// </summary>
    public static long FirstPositionAt(IReportSource source, DateTimeOffset from) => FirstPositionAt(source, from, Newest(source));

    private static long Newest(IReportSource source) => source.Query(new EventQuery { Limit = 1 }) is [var newest] ? newest.Position : 0;

    private static long FirstPositionAt(IReportSource source, DateTimeOffset from, long newest)
    {
        ArgumentNullException.ThrowIfNull(source);
        long low = 1, high = newest + 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (source.Get(middle) is { } e && e.Time < from)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>The newest drift event of every check, and the newest daemon start or stop, before <paramref name="first"/>.</summary>
    private static IEnumerable<EventEnvelope> Before(IReportSource source, long first)
    {
        if (first <= 1)
        {
            yield break;
        }
        foreach (var id in CheckCatalogue.Ids)
        {
            if (source.Query(new EventQuery { CheckId = id, BeforePosition = first, Limit = 1 }) is [var drift])
            {
                yield return drift;
            }
        }
        // By position downwards from the window, not through the daemon stream: that stream's
        // newest events are the window's many verification runs, which would all be read first.
        if (source.Query(new EventQuery { BeforePosition = first, Types = ["DaemonStarted", "DaemonStopped"], Limit = 1 }) is [var daemon])
        {
            yield return daemon;
        }
    }
}
