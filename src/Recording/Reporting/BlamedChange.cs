using System.Text.Json.Serialization;

namespace GoWatch.Recording.Reporting;

/// <summary>The recorded change a break is blamed on (a <c>DriftDetected</c>'s <c>causedBy</c>).</summary>
public sealed record BlamedChange(long Position, string Type, string Stream, DateTimeOffset Time)
{
    private static readonly HashSet<string> Diffable = new(StringComparer.Ordinal) { "FileCreated", "FileChanged", "FileDeleted", "FileReverted" };

    /// <summary>The file or installation the change is about, from its stream (<c>file:</c>, <c>install:</c>); else the stream.</summary>
    [JsonIgnore]
    public string Subject => ReportModel.SubjectOf(Stream);

    /// <summary>What to type to see the change: a diff for file content, the event otherwise.</summary>
    [JsonIgnore]
    public string Command => Diffable.Contains(Type) ? $"gowatch diff {Position}" : $"gowatch show {Position}";

    public static BlamedChange Of(GoWatch.Events.EventEnvelope e) => new(e.Position, e.Type, e.Stream, e.Time);
}
