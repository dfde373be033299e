using System.Text.Json.Nodes;
using GoWatch.Events.Model;
using GoWatch.Events.Serialization;
using GoWatch.Events.Store;

namespace GoWatch.Events.Wire;

/// <summary>
/// <c>gowatch status</c> as SPEC §6 shapes it. Built from the log alone, so the daemon and the
/// CLI (opening the store itself) give the same answer.
/// </summary>
public static class StatusReport
{
    public sealed record DaemonState(bool Running, int? Pid, DateTimeOffset? Since);

    /// <summary>One directory the daemon watches; recursive when changes anywhere below it are delivered.</summary>
    public sealed record Watched(string Path, bool Recursive);

    public static JsonObject Build(IEventStore store, DaemonState daemon, IEnumerable<Watched>? watching = null)
    {
        var recent = store.Query(new EventQuery { Types = ["VerificationCompleted"], Limit = 20 });
        var last = recent.FirstOrDefault();
        var findings = System.Text.Json.JsonSerializer.SerializeToNode(CurrentFindings(store, recent), EventJsonContext.Default.ListFindingRecord);
        var size = store.SizeBytes;
        return new JsonObject
        {
            ["daemon"] = new JsonObject
            {
                ["running"] = daemon.Running,
                ["pid"] = daemon.Pid,
                ["since"] = daemon.Since?.UtcDateTime.ToString("O"),
            },
            // Nothing is watched while the daemon is down.
            ["watching"] = new JsonArray((watching ?? []).Select(w => (JsonNode)new JsonObject
            {
                ["path"] = w.Path,
                ["recursive"] = w.Recursive,
            }).ToArray()),
            ["lastVerification"] = last is null ? null : EventJson.ToJson(last),
            ["findings"] = findings,
            ["store"] = new JsonObject
            {
                ["path"] = store.FilePath,
                ["sizeBytes"] = size,
                ["events"] = store.Count,
                ["lastPosition"] = store.LastPosition,
            },
        };
    }

    /// <summary>
    /// The findings failing now, by the drift state (a fold over the log): each with the detail
    /// of the newest verification that reported it, since a run limited with --check reports
    /// only some checks.
    /// </summary>
    private static List<FindingRecord> CurrentFindings(IEventReader store, IReadOnlyList<EventEnvelope> recent)
    {
        var failing = Drift.DriftState.Load(store).Failing.Values.OrderBy(f => f.DetectedAt);
        var reported = recent.Select(e => e.Data).OfType<VerificationCompleted>().SelectMany(v => v.Findings).ToList();
        return failing
            .Select(f => reported.FirstOrDefault(r => r.Id == f.CheckId) ?? new FindingRecord(f.CheckId, f.Severity, f.Title, "", [], null))
            .OrderBy(f => f.Severity switch { "error" => 0, "warning" => 1, _ => 2 })
            .ToList();
    }
}
