using GoWatch.Events;

namespace GoWatch.Recording.Verification;

/// <summary>What recording a verification stored: the <c>VerificationCompleted</c> and the drift it implied.</summary>
public sealed record VerificationOutcome(EventEnvelope Completed, IReadOnlyList<EventEnvelope> Detected, IReadOnlyList<EventEnvelope> Resolved);
