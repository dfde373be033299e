namespace GoWatch.Events.Store;

/// <summary>Events for one stream, appended atomically after <see cref="ExpectedVersion"/>.</summary>
public sealed record AppendRequest(string Stream, long ExpectedVersion, IReadOnlyList<NewEvent> Events);
