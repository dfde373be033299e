using GoWatch.Events.Model;

namespace GoWatch.Events;

/// <summary>An event to append. The store assigns position, version and (unless given) time.</summary>
public sealed record NewEvent(IEvent Data, string Source)
{
    /// <summary>Appending the same id twice stores it once.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid? CorrelationId { get; init; }
    public Guid? CausationId { get; init; }
}
