using GoWatch.Events.Model;

namespace GoWatch.Events;

/// <summary>An event to append. The store assigns position, version and (unless given) time.</summary>
public sealed record NewEvent(IEvent Data, string Source)
{
    /// <summary>
    /// Appending the same id twice stores it once. Ids are time-ordered (UUID version 7), so the
    /// store's unique id index grows at its end like the log does: random ids would land all over
    /// it, touching a different index page for every event of a batch.
    /// </summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? CorrelationId { get; init; }
    public Guid? CausationId { get; init; }
}
