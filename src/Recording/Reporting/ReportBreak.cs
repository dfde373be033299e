using System.Text.Json.Serialization;

namespace GoWatch.Recording.Reporting;

/// <summary>
/// One span of a failing check: from its <c>DriftDetected</c> to the <c>DriftResolved</c> that
/// ended it (none yet: still broken).
/// </summary>
public sealed record ReportBreak(
    string CheckId,
    string Severity,
    string Title,
    long DetectedPosition,
    DateTimeOffset BrokeAt,
    long? CausedBy,
    BlamedChange? Blame,
    long? ResolvedPosition = null,
    DateTimeOffset? FixedAt = null)
{
    [JsonIgnore]
    public bool Ongoing => FixedAt is null;

    /// <summary>How long it took to repair; for a break still open, how long it has lasted by <paramref name="now"/>.</summary>
    public TimeSpan RepairTime(DateTimeOffset now) => ((FixedAt ?? now) - BrokeAt) is var t && t > TimeSpan.Zero ? t : TimeSpan.Zero;
}
