using System.Collections.Immutable;
using System.Text.Json.Serialization;
using GoWatch.Events;
using GoWatch.Events.Model;

namespace GoWatch.Recording.Reporting;

/// <summary>
/// What <c>gowatch report</c> shows, as a fold over the events of its window: the spans each
/// check spent failing and the change blamed for each, verification runs, changes per file,
/// installations coming and going, notifications, and the daemon's downtime. It holds no I/O:
/// <see cref="ReportReader"/> feeds it, the renderers read it. It is also what the daemon sends
/// back for a report (<see cref="ReportJsonContext"/>): what only the fold needs stays behind.
/// </summary>
public sealed record ReportModel
{
    /// <summary>The heat strip of changes per file divides the window into this many slices.</summary>
    public const int Slices = 60;

    /// <summary>The event types the report folds; everything else in the window is left unread.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        "DriftDetected", "DriftResolved", "VerificationCompleted", "NotificationSent", "DaemonStarted", "DaemonStopped",
        "FileCreated", "FileChanged", "FileDeleted", "FileReverted", "FileUnreadable", "InstallationChanged", "InstallationObserved",
    ];

    public required ReportWindow Window { get; init; }

    /// <summary>Breaks that ended, in the order they ended.</summary>
    public ImmutableList<ReportBreak> Closed { get; init; } = [];

    /// <summary>Breaks still open, by check id.</summary>
    public ImmutableDictionary<string, ReportBreak> Open { get; init; } = ImmutableDictionary.Create<string, ReportBreak>(StringComparer.Ordinal);

    /// <summary>The newest change of each file and installation stream: what a <c>causedBy</c> usually names.</summary>
    [JsonIgnore]
    public ImmutableDictionary<string, BlamedChange> LatestChange { get; init; } = ImmutableDictionary.Create<string, BlamedChange>(StringComparer.Ordinal);

    /// <summary>Verification runs, one summary per timeline column they fall in.</summary>
    public ImmutableList<VerificationColumn> Verifications { get; init; } = [];

    /// <summary>Verification runs in the window.</summary>
    [JsonIgnore]
    public int VerificationRuns => Verifications.Sum(v => v.Runs);

    /// <summary>Verification runs in the window that had error findings.</summary>
    [JsonIgnore]
    public int VerificationRunsWithErrors => Verifications.Sum(v => v.RunsWithErrors);

    public ImmutableDictionary<string, FileActivity> Files { get; init; } = ImmutableDictionary.Create<string, FileActivity>(StringComparer.Ordinal);

    public ImmutableList<InstallationEvent> Installations { get; init; } = [];

    public ImmutableList<NotificationMark> Notifications { get; init; } = [];

    /// <summary>Gaps that ended (a start after a stop or a crash); an ongoing one is added by <see cref="Downtime"/>.</summary>
    public ImmutableList<DowntimeGap> Gaps { get; init; } = [];

    /// <summary>Whether the daemon ran as of the last event folded: null while unknown.</summary>
    public bool? DaemonRunning { get; init; }

    /// <summary>When and why the daemon last stopped cleanly, while it is stopped.</summary>
    public DaemonStop? StoppedAt { get; init; }

    /// <summary>The last event folded, to date the start of a crash gap.</summary>
    [JsonIgnore]
    public (long Position, DateTimeOffset Time)? LastEvent { get; init; }

    /// <summary>Events of the window folded so far.</summary>
    public long EventsRead { get; init; }

    public static ReportModel Empty(ReportWindow window) => new() { Window = window };

    /// <summary>
    /// The model of <paramref name="window"/>: <paramref name="before"/> are the last events before it
    /// that say what was already true at its start (a check failing since then, the daemon stopped),
    /// <paramref name="events"/> are the window's events in position order.
    /// </summary>
    public static ReportModel Fold(ReportWindow window, IEnumerable<EventEnvelope> before, IEnumerable<EventEnvelope> events)
    {
        var part = new ReportPart(window);
        foreach (var e in events)
        {
            part.Add(e);
        }
        return Join(window, Start(window, before), [part]);
    }

    /// <summary>The part made of the events before the window (read in any order).</summary>
    public static ReportPart Start(ReportWindow window, IEnumerable<EventEnvelope> before)
    {
        var start = new ReportPart(window);
        foreach (var e in before.OrderBy(e => e.Position))
        {
            start.Add(e);
        }
        return start;
    }

    /// <summary>
    /// Joins the parts of a window, in position order after <paramref name="start"/>: their counts add
    /// up, and their drift and daemon events are folded in order into breaks and downtime.
    /// </summary>
    public static ReportModel Join(ReportWindow window, ReportPart start, IReadOnlyList<ReportPart> parts)
    {
        var open = new Dictionary<string, ReportBreak>(StringComparer.Ordinal);
        var closed = ImmutableList.CreateBuilder<ReportBreak>();
        var gaps = ImmutableList.CreateBuilder<DowntimeGap>();
        var verifications = new VerificationColumns();
        var notifications = ImmutableList.CreateBuilder<NotificationMark>();
        var installations = ImmutableList.CreateBuilder<InstallationEvent>();
        var latest = new Dictionary<string, BlamedChange>(StringComparer.Ordinal);
        var files = new Dictionary<string, (int[] PerSlice, int Changes, DateTimeOffset Last)>(StringComparer.Ordinal);
        bool? running = null;
        DaemonStop? stoppedAt = null;
        (long Position, DateTimeOffset Time)? last = null;
        long read = 0;

        foreach (var part in parts.Prepend(start))
        {
            foreach (var (e, blame, previousInPart) in part.Ordered)
            {
                switch (e.Data)
                {
                    // A check detected again while its break is open (a run that lost the state) keeps its first detection.
                    case DriftDetected d when !open.ContainsKey(d.CheckId):
                        open[d.CheckId] = new ReportBreak(d.CheckId, d.Severity, d.Title, e.Position, e.Time, d.CausedBy, blame);
                        break;
                    case DriftResolved r when open.Remove(r.CheckId, out var ended):
                        closed.Add(ended with { ResolvedPosition = e.Position, FixedAt = e.Time });
                        break;
                    case DaemonStopped s when running != false:
                        (running, stoppedAt) = (false, new DaemonStop(e.Time, s.Reason));
                        break;
                    case DaemonStarted:
                        if (running == false && stoppedAt is { } stopped)
                        {
                            gaps.Add(new DowntimeGap(stopped.Time, e.Time, Crash: false, stopped.Reason, StartedPosition: e.Position));
                        }
                        else if (running == true)
                        {
                            // A start with no stop since the last one: the previous run died (kill -9, power loss)
                            // right after the last event it recorded — the one just before this start.
                            var previous = previousInPart ?? last;
                            var known = previous is { } p && p.Position == e.Position - 1 ? p.Time : (DateTimeOffset?)null;
                            gaps.Add(new DowntimeGap(known, e.Time, Crash: true, "crashed", e.Position - 1, e.Position));
                        }
                        (running, stoppedAt) = (true, null);
                        break;
                }
            }
            foreach (var column in part.Verifications.Columns)
            {
                verifications.Add(column);
            }
            notifications.AddRange(part.Notifications);
            installations.AddRange(part.Installations);
            foreach (var (stream, change) in part.LatestChange)
            {
                latest[stream] = change.ToBlamed();
            }
            foreach (var (stream, file) in part.Files)
            {
                ref var sum = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(files, stream, out var exists);
                if (!exists)
                {
                    sum = (new int[Slices], 0, DateTimeOffset.MinValue);
                }
                for (var i = 0; i < Slices; i++)
                {
                    sum.PerSlice[i] += file.PerSlice[i];
                }
                sum.Changes += file.Changes;
                sum.Last = file.Last > sum.Last ? file.Last : sum.Last;
            }
            last = part.Last ?? last;
            read += part == start ? 0 : part.Count;
        }

        return new ReportModel
        {
            Window = window,
            Closed = closed.ToImmutable(),
            Open = open.ToImmutableDictionary(StringComparer.Ordinal),
            LatestChange = latest.ToImmutableDictionary(StringComparer.Ordinal),
            Verifications = [.. verifications.Columns],
            Files = files.Select(f => (Path: SubjectOf(f.Key), f.Value))
                .ToImmutableDictionary(f => f.Path, f => new FileActivity(f.Path, f.Value.Changes, [.. f.Value.PerSlice], f.Value.Last), StringComparer.Ordinal),
            Installations = installations.ToImmutable(),
            Notifications = notifications.ToImmutable(),
            Gaps = gaps.ToImmutable(),
            DaemonRunning = running,
            StoppedAt = stoppedAt,
            LastEvent = last,
            EventsRead = read,
        };
    }

    /// <summary>The path in a <c>file:</c> or <c>install:</c> stream name; other streams as they are.</summary>
    public static string SubjectOf(string stream)
    {
        var colon = stream.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && stream[..colon] is "file" or "install" ? stream[(colon + 1)..] : stream;
    }

    // ---- after the fold ---------------------------------------------------------------------

    /// <summary>Positions the fold could not see (blamed changes and crash predecessors before the window, or of unread types).</summary>
    [JsonIgnore]
    public IReadOnlySet<long> Unresolved =>
        Closed.Concat(Open.Values).Where(b => b.Blame is null && b.CausedBy is not null).Select(b => b.CausedBy!.Value)
            .Concat(Gaps.Where(g => g.From is null && g.LastEventPosition is not null).Select(g => g.LastEventPosition!.Value))
            .ToHashSet();

    /// <summary>Fills in what <see cref="Unresolved"/> named from the events read for it.</summary>
    public ReportModel Resolve(IEnumerable<EventEnvelope> found)
    {
        var byPosition = found.GroupBy(e => e.Position).ToDictionary(g => g.Key, g => g.First());
        ReportBreak Blamed(ReportBreak b) =>
            b.Blame is null && b.CausedBy is { } p && byPosition.TryGetValue(p, out var e) ? b with { Blame = BlamedChange.Of(e) } : b;
        return this with
        {
            Closed = Closed.Select(Blamed).ToImmutableList(),
            Open = Open.ToImmutableDictionary(kv => kv.Key, kv => Blamed(kv.Value), StringComparer.Ordinal),
            Gaps = Gaps.Select(g => g.From is null && g.LastEventPosition is { } p && byPosition.TryGetValue(p, out var e) ? g with { From = e.Time } : g).ToImmutableList(),
        };
    }

    // ---- what the renderers read ----------------------------------------------------------

    /// <summary>Every break that overlaps the window, by the time it began.</summary>
    [JsonIgnore]
    public IReadOnlyList<ReportBreak> Breaks =>
        Closed.Concat(Open.Values).Where(b => b.FixedAt is not { } fixedAt || fixedAt >= Window.From)
            .OrderBy(b => b.BrokeAt).ThenBy(b => b.DetectedPosition).ToList();

    /// <summary>The checks that failed at least once in the window, the first to break first.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> FailedChecks => Breaks.Select(b => b.CheckId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Time a check took to repair, summed over the breaks that were repaired in the window.</summary>
    [JsonIgnore]
    public TimeSpan TotalRepairTime => Breaks.Where(b => !b.Ongoing).Aggregate(TimeSpan.Zero, (sum, b) => sum + b.RepairTime(Window.To));

    /// <summary>Every downtime in the window, including one still going on at its end.</summary>
    [JsonIgnore]
    public IReadOnlyList<DowntimeGap> Downtime =>
        DaemonRunning == false && StoppedAt is { } stopped
            ? [.. Gaps, new DowntimeGap(stopped.Time, null, Crash: false, stopped.Reason)]
            : Gaps;

    /// <summary>Files by how many breaks their changes were blamed for, then by changes.</summary>
    [JsonIgnore]
    public IReadOnlyList<(string Subject, int Breaks, TimeSpan Broken)> Culprits =>
        Breaks.Where(b => b.Blame is not null)
            .GroupBy(b => b.Blame!.Subject, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Aggregate(TimeSpan.Zero, (sum, b) => sum + b.RepairTime(Window.To))))
            .OrderByDescending(c => c.Item2).ThenByDescending(c => c.Item3).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
}
