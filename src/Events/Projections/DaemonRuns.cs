using GoWatch.Events.Model;
using GoWatch.Events.Store;

namespace GoWatch.Events.Projections;

/// <summary>
/// How the daemon's last run stands: a fold over <c>DaemonStarted</c> / <c>DaemonStopped</c>.
/// A start that no stop follows is a run still going — or, when no daemon is running, one that
/// ended without a word (kill -9, a crash, a power loss).
/// </summary>
public sealed record DaemonRuns(EventEnvelope? LastStart, EventEnvelope? LastStop)
{
    public static DaemonRuns Empty { get; } = new(null, null);

    public static readonly IReadOnlyList<string> LifecycleTypes = ["DaemonStarted", "DaemonStopped"];

    /// <summary>Folds lifecycle events given in any order (newest first, as queries return them, included).</summary>
    public static DaemonRuns Fold(IEnumerable<EventEnvelope> events) => events.OrderBy(e => e.Position).Aggregate(Empty, (s, e) => s.When(e));

    public DaemonRuns When(EventEnvelope e) => e.Data switch
    {
        DaemonStarted => this with { LastStart = e },
        DaemonStopped => this with { LastStop = e },
        _ => this,
    };

    /// <summary>True when the newest lifecycle event is a start: the run is open.</summary>
    public bool RunOpen => LastStart is { } start && (LastStop is null || LastStop.Position < start.Position);

    /// <summary>What a new start should say of the run before it (<see cref="DaemonStarted.PreviousRun"/>).</summary>
    public string? PreviousRunForNextStart => LastStart is null && LastStop is null
        ? null
        : RunOpen ? DaemonStarted.Crashed : DaemonStarted.Stopped;

    /// <summary>
    /// Reads the newest lifecycle events only: the daemon stream is walked newest first through
    /// its index and stops at the first start (a run has one start and at most one stop).
    /// </summary>
    public static DaemonRuns Load(IEventReader store) =>
        Fold(store.Query(new EventQuery { Stream = Streams.Daemon, Types = LifecycleTypes, Limit = 2 }));
}
