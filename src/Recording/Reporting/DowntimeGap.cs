using System.Text.Json.Serialization;

namespace GoWatch.Recording.Reporting;

/// <summary>
/// A stretch with no daemon running: a clean stop until the next start, or a crash — a start
/// with no stop before it — from the last event the crashed run recorded.
/// </summary>
public sealed record DowntimeGap(DateTimeOffset? From, DateTimeOffset? To, bool Crash, string? Reason, long? LastEventPosition = null, long? StartedPosition = null)
{
    /// <summary>Still down at the end of the window.</summary>
    [JsonIgnore]
    public bool Ongoing => To is null;
}
