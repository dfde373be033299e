using System.Text.Json.Serialization;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;

namespace GoWatch.Wire;

/// <summary>
/// <c>gowatch status</c> as SPEC §6 shapes it: the daemon's <c>status</c> reply and what
/// <c>status --json</c> prints. Built from the log alone, so the daemon and the CLI (opening the
/// store itself) give the same answer.
/// </summary>
/// <param name="Daemon">Up or down; the daemon fills in its pid and start.</param>
/// <param name="Watching">The directories the daemon watches; empty while it is down.</param>
/// <param name="LastVerification">The newest <c>VerificationCompleted</c> in its event form, or null.</param>
/// <param name="Findings">The findings failing now.</param>
/// <param name="Store">Where the store is and how big.</param>
public sealed record StatusReport(
    DaemonStatus Daemon,
    IReadOnlyList<WatchedDirectory> Watching,
    [property: JsonConverter(typeof(EventEnvelopeJsonConverter))] EventEnvelope? LastVerification,
    IReadOnlyList<FindingRecord> Findings,
    StoreStatus Store)
{
    /// <summary>How many recent verifications are read to find each failing check's detail.</summary>
    private const int RecentVerifications = 20;

    public static StatusReport Build(IEventStore store, DaemonStatus daemon, IEnumerable<WatchedDirectory>? watching = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var recent = store.Query(new EventQuery { Types = ["VerificationCompleted"], Limit = RecentVerifications });
        return new StatusReport(
            daemon,
            (watching ?? []).ToList(),
            recent.FirstOrDefault(),
            CurrentFindings(store, recent),
            new StoreStatus(store.FilePath, store.SizeBytes, store.Count, store.LastPosition));
    }

    /// <summary>
    /// The findings failing now, by the drift state (a fold over the log): each with the detail
    /// of the newest verification that reported it, since a run limited with --check reports
    /// only some checks.
    /// </summary>
    private static List<FindingRecord> CurrentFindings(IEventReader store, IReadOnlyList<EventEnvelope> recent)
    {
        var failing = Events.Drift.DriftState.Load(store).Failing.Values.OrderBy(f => f.DetectedAt);
        var reported = recent.Select(e => e.Data).OfType<VerificationCompleted>().SelectMany(v => v.Findings).ToList();
        return failing
            .Select(f => reported.FirstOrDefault(r => r.Id == f.CheckId) ?? new FindingRecord(f.CheckId, f.Severity, f.Title, "", [], null))
            .OrderBy(f => f.Severity switch { "error" => 0, "warning" => 1, _ => 2 })
            .ToList();
    }
}
