namespace GoWatch.Events.Store;

/// <summary>
/// Loads projections whose state is carried whole by each stream's newest relevant event
/// (a file's hash, an installation's fingerprint, a check's drift): one indexed read per stream
/// instead of a fold over the whole log.
/// </summary>
public static class NewestPerStream
{
    /// <summary>
    /// For every stream starting with <paramref name="prefix"/>, its newest event that
    /// <paramref name="relevant"/> accepts, in position order. An event this version does not
    /// know (written by a newer GoWatch) is skipped rather than hiding the state before it.
    /// </summary>
    public static IReadOnlyList<EventEnvelope> Load(IEventReader store, string prefix, Func<EventEnvelope, bool> relevant) =>
        store.StreamNames(prefix)
            .SelectMany(stream =>
            {
                var newest = store.Query(new EventQuery { Stream = stream, Limit = 1 });
                return newest is [var e] && relevant(e)
                    ? newest
                    : store.Query(new EventQuery { Stream = stream }).Where(relevant).Take(1);
            })
            .OrderBy(e => e.Position)
            .ToList();
}
