using System.Collections.Immutable;
using GoWatch.Events.Model;
using GoWatch.Events.Store;

namespace GoWatch.Events.Projections;

/// <summary>
/// Which checks are failing now: a fold over <c>DriftDetected</c> / <c>DriftResolved</c>.
/// A check absent from <see cref="Failing"/> is passing (or was never seen failing).
/// </summary>
public sealed record CheckStates(ImmutableDictionary<string, FailingCheck> Failing)
{
    public static CheckStates Empty { get; } = new(ImmutableDictionary.Create<string, FailingCheck>(StringComparer.Ordinal));

    public static CheckStates Fold(IEnumerable<EventEnvelope> events) => events.Aggregate(Empty, (s, e) => s.When(e));

    /// <summary>Folds the last event of each <c>check:</c> stream, which is all the state there is.</summary>
    public static CheckStates Load(IEventReader store) =>
        Fold(NewestPerStream.Load(store, "check:", e => e.Data is DriftDetected or DriftResolved));

    public CheckStates When(EventEnvelope e) => e.Data switch
    {
        DriftDetected d => this with { Failing = Failing.SetItem(d.CheckId, new FailingCheck(d.CheckId, d.Severity, d.Title, e.Position, d.CausedBy)) },
        DriftResolved r => this with { Failing = Failing.Remove(r.CheckId) },
        _ => this,
    };
}
