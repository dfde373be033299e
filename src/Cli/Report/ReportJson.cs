using System.Text.Json.Nodes;
using GoWatch.Recording.Reporting;

namespace GoWatch.Cli.Report;

/// <summary><c>gowatch report --json</c>: the spans and figures of the page, for other tools.</summary>
public static class ReportJson
{
    public const int SchemaVersion = 1;

    public static JsonObject Build(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var window = model.Window;
        var breaks = model.Breaks;
        return new JsonObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["from"] = Time(window.From),
            ["to"] = Time(window.To),
            ["window"] = window.Description,
            ["eventsRead"] = model.EventsRead,
            ["totals"] = new JsonObject
            {
                ["breaks"] = breaks.Count,
                ["checks"] = model.FailedChecks.Count,
                ["ongoing"] = breaks.Count(b => b.Ongoing),
                ["repairSeconds"] = (long)model.TotalRepairTime.TotalSeconds,
                ["verifications"] = model.VerificationRuns,
                ["verificationsWithErrors"] = model.VerificationRunsWithErrors,
                ["notifications"] = model.Notifications.Count,
                ["crashes"] = model.Downtime.Count(g => g.Crash),
            },
            ["breaks"] = new JsonArray(breaks.Select((b, i) => (JsonNode)Break(b, i + 1, window.To)).ToArray()),
            ["culprits"] = new JsonArray(model.Culprits.Select(c => (JsonNode)new JsonObject
            {
                ["path"] = c.Subject,
                ["breaks"] = c.Breaks,
                ["brokenSeconds"] = (long)c.Broken.TotalSeconds,
            }).ToArray()),
            ["files"] = new JsonArray(model.Files.Values.OrderByDescending(f => f.Changes).ThenBy(f => f.Path, StringComparer.Ordinal).Select(f => (JsonNode)new JsonObject
            {
                ["path"] = f.Path,
                ["changes"] = f.Changes,
                ["lastChange"] = Time(f.Last),
                ["perSlice"] = new JsonArray(f.PerSlice.Select(n => (JsonNode)n).ToArray()),
            }).ToArray()),
            ["installations"] = new JsonArray(model.Installations.Select(i => (JsonNode)new JsonObject
            {
                ["position"] = i.Position,
                ["time"] = Time(i.Time),
                ["path"] = i.Path,
                ["change"] = i.Change.ToString().ToLowerInvariant(),
                ["versionBefore"] = i.VersionBefore,
                ["versionAfter"] = i.VersionAfter,
            }).ToArray()),
            ["notifications"] = new JsonArray(model.Notifications.Select(n => (JsonNode)new JsonObject
            {
                ["position"] = n.Position,
                ["time"] = Time(n.Time),
                ["title"] = n.Title,
                ["checkIds"] = new JsonArray(n.CheckIds.Select(c => (JsonNode)c).ToArray()),
                ["channel"] = n.Channel,
                ["delivered"] = n.Delivered,
            }).ToArray()),
            ["downtime"] = new JsonArray(model.Downtime.Select(g => (JsonNode)new JsonObject
            {
                ["from"] = g.From is { } f ? Time(f) : null,
                ["to"] = g.To is { } t ? Time(t) : null,
                ["crash"] = g.Crash,
                ["reason"] = g.Reason,
            }).ToArray()),
        };
    }

    private static JsonObject Break(ReportBreak b, int number, DateTimeOffset now) => new()
    {
        ["number"] = number,
        ["checkId"] = b.CheckId,
        ["severity"] = b.Severity,
        ["title"] = b.Title,
        ["brokeAt"] = Time(b.BrokeAt),
        ["detectedPosition"] = b.DetectedPosition,
        ["fixedAt"] = b.FixedAt is { } f ? Time(f) : null,
        ["resolvedPosition"] = b.ResolvedPosition,
        ["ongoing"] = b.Ongoing,
        ["repairSeconds"] = (long)b.RepairTime(now).TotalSeconds,
        ["causedBy"] = b.Blame is { } c
            ? new JsonObject
            {
                ["position"] = c.Position,
                ["type"] = c.Type,
                ["path"] = c.Subject,
                ["time"] = Time(c.Time),
                ["command"] = c.Command,
            }
            : b.CausedBy is { } p ? new JsonObject { ["position"] = p } : null,
    };

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("O");
}
