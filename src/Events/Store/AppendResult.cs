namespace GoWatch.Events.Store;

/// <summary>What an append stored: the envelopes (already-stored ones for duplicate ids) and the stream's new version.</summary>
public sealed record AppendResult(IReadOnlyList<EventEnvelope> Events, long StreamVersion);
