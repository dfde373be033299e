namespace GoWatch.Events.Drift;

/// <summary>What to do about checks that broke: <see cref="Errors"/> are their <c>DriftDetected</c> events, first one leading.</summary>
public sealed record NotificationDecision(NotificationVerdict Verdict, IReadOnlyList<EventEnvelope> Errors, string? Reason);
