using System.Collections.Immutable;
using System.Text.Json;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Serialization;

namespace GoWatch.Cli.Report;

/// <summary>
/// What <c>gowatch report</c> shows, as a fold over the events of its window: the spans each
/// check spent failing and the change blamed for each, verification runs, changes per file,
/// installations coming and going, notifications, and the daemon's downtime. It holds no I/O:
/// <see cref="ReportReader"/> feeds it, the renderers read it.
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

    private static readonly HashSet<string> ChangeTypes = new(StringComparer.Ordinal)
    {
        "FileCreated", "FileChanged", "FileDeleted", "FileReverted", "FileUnreadable", "InstallationChanged", "InstallationObserved",
    };

    private static readonly HashSet<string> CountedFileChanges = new(StringComparer.Ordinal) { "FileCreated", "FileChanged", "FileDeleted", "FileReverted" };

    public required ReportWindow Window { get; init; }

    /// <summary>Breaks that ended, in the order they ended.</summary>
    public ImmutableList<ReportBreak> Closed { get; init; } = [];

    /// <summary>Breaks still open, by check id.</summary>
    public ImmutableDictionary<string, ReportBreak> Open { get; init; } = ImmutableDictionary.Create<string, ReportBreak>(StringComparer.Ordinal);

    /// <summary>The newest change of each file and installation stream: what a <c>causedBy</c> usually names.</summary>
    public ImmutableDictionary<string, BlamedChange> LatestChange { get; init; } = ImmutableDictionary.Create<string, BlamedChange>(StringComparer.Ordinal);

    public ImmutableList<VerificationTick> Verifications { get; init; } = [];

    public ImmutableDictionary<string, FileActivity> Files { get; init; } = ImmutableDictionary.Create<string, FileActivity>(StringComparer.Ordinal);

    public ImmutableList<InstallationEvent> Installations { get; init; } = [];

    public ImmutableList<NotificationMark> Notifications { get; init; } = [];

    /// <summary>Gaps that ended (a start after a stop or a crash); an ongoing one is added by <see cref="Downtime"/>.</summary>
    public ImmutableList<DowntimeGap> Gaps { get; init; } = [];

    /// <summary>Whether the daemon ran as of the last event folded: null while unknown.</summary>
    public bool? DaemonRunning { get; init; }

    /// <summary>When and why the daemon last stopped cleanly, while it is stopped.</summary>
    public (DateTimeOffset Time, string Reason)? StoppedAt { get; init; }

    /// <summary>The last event folded, to date the start of a crash gap.</summary>
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
        var start = before.OrderBy(e => e.Position).Aggregate(Empty(window), (m, e) => m.When(e)) with { EventsRead = 0 };
        return events.Aggregate(start, (m, e) => m.When(e));
    }

    public ReportModel When(EventEnvelope e)
    {
        var next = e.Data switch
        {
            DriftDetected d => Detected(e, d),
            DriftResolved r => Resolved(e, r),
            VerificationCompleted v => this with { Verifications = Verifications.Add(new VerificationTick(e.Position, e.Time, v.Trigger, v.Findings.Count(f => f.Severity == "error"), v.Findings.Count)) },
            NotificationSent n => this with { Notifications = Notifications.Add(new NotificationMark(e.Position, e.Time, n.Channel, n.Title, n.Message, n.CheckIds, n.Delivered)) },
            DaemonStopped s => DaemonRunning == false ? this : this with { DaemonRunning = false, StoppedAt = (e.Time, s.Reason) },
            DaemonStarted => Started(e),
            _ when ChangeTypes.Contains(e.Type) => Changed(e),
            _ => this,
        };
        return next with { LastEvent = (e.Position, e.Time), EventsRead = EventsRead + 1 };
    }

    private ReportModel Detected(EventEnvelope e, DriftDetected d)
    {
        // A check detected again while its break is open (a run that lost the state) keeps its first detection.
        if (Open.ContainsKey(d.CheckId))
        {
            return this;
        }
        var blame = d.CausedBy is { } p ? LatestChange.Values.FirstOrDefault(c => c.Position == p) : null;
        return this with { Open = Open.SetItem(d.CheckId, new ReportBreak(d.CheckId, d.Severity, d.Title, e.Position, e.Time, d.CausedBy, blame)) };
    }

    private ReportModel Resolved(EventEnvelope e, DriftResolved r) =>
        Open.TryGetValue(r.CheckId, out var open)
            ? this with { Open = Open.Remove(r.CheckId), Closed = Closed.Add(open with { ResolvedPosition = e.Position, FixedAt = e.Time }) }
            : this;

    private ReportModel Started(EventEnvelope e)
    {
        var model = this with { DaemonRunning = true, StoppedAt = null };
        if (DaemonRunning == false && StoppedAt is { } stopped)
        {
            return model with { Gaps = Gaps.Add(new DowntimeGap(stopped.Time, e.Time, Crash: false, stopped.Reason, StartedPosition: e.Position)) };
        }
        if (DaemonRunning == true)
        {
            // A start with no stop since the last one: the previous run died (kill -9, power loss)
            // right after the last event it recorded — the one just before this start.
            var known = LastEvent is { } last && last.Position == e.Position - 1 ? last.Time : (DateTimeOffset?)null;
            return model with { Gaps = Gaps.Add(new DowntimeGap(known, e.Time, Crash: true, "crashed", e.Position - 1, e.Position)) };
        }
        return model;
    }

    private ReportModel Changed(EventEnvelope e)
    {
        var model = this with { LatestChange = LatestChange.SetItem(e.Stream, BlamedChange.Of(e)) };
        if (e.Time < Window.From)
        {
            return model;
        }
        if (e.Stream.StartsWith("file:", StringComparison.Ordinal) && CountedFileChanges.Contains(e.Type))
        {
            var path = SubjectOf(e.Stream);
            var activity = Files.TryGetValue(path, out var a) ? a : FileActivity.Empty(path, Slices);
            return model with { Files = Files.SetItem(path, activity.Add(Slice(e.Time), e.Time)) };
        }
        if (e.Stream.StartsWith("install:", StringComparison.Ordinal))
        {
            return model with { Installations = Installations.Add(Installation(e)) };
        }
        return model;
    }

    private static InstallationEvent Installation(EventEnvelope e)
    {
        var path = SubjectOf(e.Stream);
        if (e.Data is InstallationChanged c)
        {
            var existed = c.Before?.Exists == true;
            var change = !existed && c.After.Exists ? InstallationChange.Appeared : existed && !c.After.Exists ? InstallationChange.Disappeared : InstallationChange.Changed;
            return new InstallationEvent(e.Position, e.Time, path, change, c.Before?.Version, c.After.Version);
        }
        // InstallationObserved: read its version from the payload, whatever record carries it.
        return new InstallationEvent(e.Position, e.Time, path, InstallationChange.Observed, null, FindVersion(EventJson.SerializeData(e.Data)));
    }

    private static string? FindVersion(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Find(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }

        static string? Find(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("version") && property.Value.ValueKind == JsonValueKind.String)
                {
                    return property.Value.GetString();
                }
                if (Find(property.Value) is { } nested)
                {
                    return nested;
                }
            }
            return null;
        }
    }

    private int Slice(DateTimeOffset time) => Math.Min(Slices - 1, (int)(Window.Fraction(time) * Slices));

    /// <summary>The path in a <c>file:</c> or <c>install:</c> stream name; other streams as they are.</summary>
    public static string SubjectOf(string stream)
    {
        var colon = stream.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && stream[..colon] is "file" or "install" ? stream[(colon + 1)..] : stream;
    }

    // ---- after the fold ---------------------------------------------------------------------

    /// <summary>Positions the fold could not see (blamed changes and crash predecessors before the window, or of unread types).</summary>
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
    public IReadOnlyList<ReportBreak> Breaks =>
        Closed.Concat(Open.Values).Where(b => b.FixedAt is not { } fixedAt || fixedAt >= Window.From)
            .OrderBy(b => b.BrokeAt).ThenBy(b => b.DetectedPosition).ToList();

    /// <summary>The checks that failed at least once in the window, the first to break first.</summary>
    public IReadOnlyList<string> FailedChecks => Breaks.Select(b => b.CheckId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Time a check took to repair, summed over the breaks that were repaired in the window.</summary>
    public TimeSpan TotalRepairTime => Breaks.Where(b => !b.Ongoing).Aggregate(TimeSpan.Zero, (sum, b) => sum + b.RepairTime(Window.To));

    /// <summary>Every downtime in the window, including one still going on at its end.</summary>
    public IReadOnlyList<DowntimeGap> Downtime =>
        DaemonRunning == false && StoppedAt is { } stopped
            ? [.. Gaps, new DowntimeGap(stopped.Time, null, Crash: false, stopped.Reason)]
            : Gaps;

    /// <summary>Files by how many breaks their changes were blamed for, then by changes.</summary>
    public IReadOnlyList<(string Subject, int Breaks, TimeSpan Broken)> Culprits =>
        Breaks.Where(b => b.Blame is not null)
            .GroupBy(b => b.Blame!.Subject, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Aggregate(TimeSpan.Zero, (sum, b) => sum + b.RepairTime(Window.To))))
            .OrderByDescending(c => c.Item2).ThenByDescending(c => c.Item3).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
}
