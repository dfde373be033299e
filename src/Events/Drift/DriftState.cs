using System.Collections.Immutable;
using GoWatch.Events.Model;
using GoWatch.Events.Store;

namespace GoWatch.Events.Drift;

/// <summary>
/// What drift decisions are made from: which checks fail now (a fold over <c>DriftDetected</c> /
/// <c>DriftResolved</c>), the version of each check stream (the expected version of the next
/// append, so a decision made from a stale state cannot be recorded), and when a notification
/// last reached the desktop (the rate limit survives a restart).
/// </summary>
public sealed record DriftState(
    ImmutableDictionary<string, FailingCheck> Failing,
    ImmutableDictionary<string, long> CheckVersions,
    DateTimeOffset? LastDelivered)
{
    public static DriftState Empty { get; } = new(
        ImmutableDictionary.Create<string, FailingCheck>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, long>(StringComparer.Ordinal),
        null);

    private const string CheckStreamPrefix = "check:";

    public static DriftState Fold(IEnumerable<EventEnvelope> events) => events.Aggregate(Empty, (s, e) => s.When(e));

    public long VersionOf(string checkId) => CheckVersions.GetValueOrDefault(checkId);

    public DriftState When(EventEnvelope e) => e.Data switch
    {
        DriftDetected d => this with
        {
            Failing = Failing.SetItem(d.CheckId, new FailingCheck(d.CheckId, d.Severity, d.Title, e.Position, d.CausedBy)),
            CheckVersions = CheckVersions.SetItem(d.CheckId, e.Version),
        },
        DriftResolved r => this with
        {
            Failing = Failing.Remove(r.CheckId),
            CheckVersions = CheckVersions.SetItem(r.CheckId, e.Version),
        },
        NotificationSent { Delivered: true } => this with { LastDelivered = e.Time },
        _ when e.Stream.StartsWith(CheckStreamPrefix, StringComparison.Ordinal) => this with
        {
            // An event of a newer version in a check stream still moves the stream on.
            CheckVersions = CheckVersions.SetItem(e.Stream[CheckStreamPrefix.Length..], e.Version),
        },
        _ => this,
    };

    /// <summary>
    /// Loads the state without folding the whole log: each check stream's newest drift event
    /// carries that check's state whole, and only the newest delivered notification matters.
    /// </summary>
    public static DriftState Load(IEventReader store)
    {
        var state = Fold(NewestPerStream.Load(store, CheckStreamPrefix, e => e.Data is DriftDetected or DriftResolved));
        foreach (var stream in store.StreamNames(CheckStreamPrefix))
        {
            state = state with { CheckVersions = state.CheckVersions.SetItem(stream[CheckStreamPrefix.Length..], store.StreamVersion(stream)) };
        }
        var delivered = store.Query(new EventQuery { Stream = Streams.Daemon, Types = [nameof(NotificationSent)], Limit = 50 })
            .FirstOrDefault(e => e.Data is NotificationSent { Delivered: true });
        return delivered is null ? state : state.When(delivered);
    }
}
