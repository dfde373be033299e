using GoWatch.Checks.Catalogue;
using GoWatch.Cli.Backend;
using GoWatch.Events;
using GoWatch.Events.Store;

namespace GoWatch.Cli.Report;

/// <summary>
/// Reads what a report needs through the backend (the daemon's socket or the store itself):
/// only the window's events, only the types the report folds, plus the few events before the
/// window that say what was already true at its start.
/// </summary>
public static class ReportReader
{
    /// <summary>Events read per query.</summary>
    public const int PageSize = 10_000;

    public static ReportModel Read(IGoWatchBackend backend, ReportWindow window) => Read(backend, window, PageSize, Math.Clamp(Environment.ProcessorCount, 1, 4));

    internal static ReportModel Read(IGoWatchBackend backend, ReportWindow window, int pageSize, int partitions = 1)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(window);
        var newest = Newest(backend);
        var first = FirstPositionAt(backend, window.From, newest);
        var start = ReportModel.Start(window, Before(backend, first));
        // A long window is read in parts at once: the store opened here serves concurrent readers,
        // and the daemon serves connections at once (one request at a time on each), so through it
        // every further part gets a connection of its own.
        var parts = (int)Math.Clamp((newest - first + 1) / pageSize, 1, partitions);
        var readers = new List<IGoWatchBackend> { backend };
        try
        {
            while (readers.Count < parts)
            {
                if (!backend.ThroughDaemon)
                {
                    readers.Add(backend);
                }
                else if (backend is DaemonBackend daemon && daemon.Another() is { } another)
                {
                    readers.Add(another);
                }
                else
                {
                    break;
                }
            }
            var gathered = readers.Count == 1 ? [Gather(backend, window, first - 1, null, pageSize)] : Partitioned(readers, window, first, newest, pageSize);
            var model = ReportModel.Join(window, start, gathered);
            var missing = model.Unresolved;
            return missing.Count == 0 ? model : model.Resolve(missing.Order().Select(backend.Get).OfType<EventEnvelope>());
        }
        finally
        {
            foreach (var reader in readers.Skip(1).Where(r => !ReferenceEquals(r, backend)))
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
    private static ReportPart Gather(IGoWatchBackend backend, ReportWindow window, long after, long? before, int pageSize)
    {
        var part = new ReportPart(window);
        while (true)
        {
            var page = backend.Query(new EventQuery { AfterPosition = after, BeforePosition = before, Since = window.From, Types = ReportModel.Types, Ascending = true, Limit = pageSize });
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
    private static ReportPart[] Partitioned(IReadOnlyList<IGoWatchBackend> readers, ReportWindow window, long first, long newest, int pageSize)
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
    public static long FirstPositionAt(IGoWatchBackend backend, DateTimeOffset from) => FirstPositionAt(backend, from, Newest(backend));

    private static long Newest(IGoWatchBackend backend) => backend.Query(new EventQuery { Limit = 1 }) is [var newest] ? newest.Position : 0;

    private static long FirstPositionAt(IGoWatchBackend backend, DateTimeOffset from, long newest)
    {
        ArgumentNullException.ThrowIfNull(backend);
        long low = 1, high = newest + 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (backend.Get(middle) is { } e && e.Time < from)
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
    private static IEnumerable<EventEnvelope> Before(IGoWatchBackend backend, long first)
    {
        if (first <= 1)
        {
            yield break;
        }
        foreach (var id in CheckCatalogue.Ids)
        {
            if (backend.Query(new EventQuery { CheckId = id, BeforePosition = first, Limit = 1 }) is [var drift])
            {
                yield return drift;
            }
        }
        // By position downwards from the window, not through the daemon stream: that stream's
        // newest events are the window's many verification runs, which would all be read first.
        if (backend.Query(new EventQuery { BeforePosition = first, Types = ["DaemonStarted", "DaemonStopped"], Limit = 1 }) is [var daemon])
        {
            yield return daemon;
        }
    }
}
