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

    public static JsonObject Build(IEventStore store, DaemonState daemon)
    {
        var last = store.Query(new EventQuery { Types = ["VerificationCompleted"], Limit = 1 }).FirstOrDefault();
        var findings = last?.Data is VerificationCompleted v
            ? System.Text.Json.JsonSerializer.SerializeToNode(v.Findings, EventJson.Options)
            : new JsonArray();
        long size = 0;
        foreach (var file in new[] { store.FilePath, LogPath(store.FilePath) })
        {
            if (File.Exists(file))
            {
                size += new FileInfo(file).Length;
            }
        }
        return new JsonObject
        {
            ["daemon"] = new JsonObject
            {
                ["running"] = daemon.Running,
                ["pid"] = daemon.Pid,
                ["since"] = daemon.Since?.UtcDateTime.ToString("O"),
            },
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

    private static string LogPath(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
}
