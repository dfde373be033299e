namespace GoWatch.Events.Model;

/// <summary>One piece of evidence behind a finding: a file and line where something was set.</summary>
public sealed record EvidenceRecord(string? File, int? Line, string? Text);

/// <summary>A finding as stored in the log.</summary>
public sealed record FindingRecord(string Id, string Severity, string Title, string Detail, IReadOnlyList<EvidenceRecord> Evidence, string? Fix);

/// <summary>A check that could not run, and why (its facts were missing): neither passed nor failed.</summary>
public sealed record SkippedRecord(string Id, string Reason);

/// <summary>A run of the checks finished. <see cref="Skipped"/> is absent in runs recorded by older versions.</summary>
[EventType("VerificationCompleted")]
public sealed record VerificationCompleted(string Trigger, IReadOnlyList<FindingRecord> Findings, IReadOnlyList<string> Passed, long DurationMs, IReadOnlyList<SkippedRecord>? Skipped = null) : IEvent;

/// <summary>A check went from passing to failing.</summary>
[EventType("DriftDetected")]
public sealed record DriftDetected(string CheckId, string Severity, string Title, long? CausedBy) : IEvent;

/// <summary>A failing check passes again.</summary>
[EventType("DriftResolved")]
public sealed record DriftResolved(string CheckId, long? ResolvedBy) : IEvent;

/// <summary>A notification was handed to the desktop (or, lacking one, to the log).</summary>
[EventType("NotificationSent")]
public sealed record NotificationSent(string Channel, string Title, string Message, IReadOnlyList<string> CheckIds, bool Delivered, string? Error) : IEvent;
