using System.Text.Json.Serialization;

namespace GoWatch.Wire;

/// <summary>The <c>daemon.lastRun</c> object of the status: when the newest run started and how it ended.</summary>
/// <param name="Started">Its <c>DaemonStarted</c>.</param>
/// <param name="Ended"><c>"stopped"</c> (a <c>DaemonStopped</c> was recorded) or <c>"crashed"</c>.</param>
/// <param name="Stopped">Its <c>DaemonStopped</c>, or null after a crash.</param>
/// <param name="LastEvent">The newest event recorded: after a crash, the last sign of life.</param>
public sealed record DaemonRunEnd(
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTimeOffset Started,
    string Ended,
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTimeOffset? Stopped,
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTimeOffset LastEvent)
{
    public const string Crashed = "crashed";
    public const string CleanStop = "stopped";
}
