namespace GoWatch.Events.Drift;

/// <summary>A check that is failing now: since which DriftDetected, with what severity.</summary>
public sealed record FailingCheck(string CheckId, string Severity, string Title, long DetectedAt, long? CausedBy);
