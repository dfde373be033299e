using GoWatch.Events;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using GoWatch.Recording.Revert;
using GoWatch.Wire;

namespace GoWatch.Cli.Backend;

/// <summary>
/// Where the CLI gets its data: the running daemon (through its socket) or, when it is down,
/// the store opened directly under its lock. Commands never know which.
/// </summary>
public interface IGoWatchBackend : IDisposable
{
    /// <summary>True when the daemon answers; false when the CLI holds the store itself.</summary>
    bool ThroughDaemon { get; }

    IReadOnlyList<EventEnvelope> Query(EventQuery query);

    EventEnvelope? Get(long position);

    byte[]? GetBlob(string sha256);

    StatusReport Status();

    /// <summary>
    /// Records a verification the CLI ran (and the drift it implies) and returns the position of
    /// its <c>VerificationCompleted</c>. <paramref name="goEnvFile"/> is the Go env file the
    /// verification found Go reading, which the login shell may have moved with GOENV.
    /// </summary>
    long RecordVerification(GoWatch.Events.Model.VerificationCompleted completed, string? goEnvFile = null);

    /// <summary>Adds or removes a watched project directory; returns the recorded event, or null when it already was so.</summary>
    EventEnvelope? SetProjectWatched(string directory, bool watched);

    /// <summary>Events after <paramref name="after"/>, then live ones until cancelled.</summary>
    IAsyncEnumerable<EventEnvelope> FollowAsync(long? after, CancellationToken cancellationToken);

    /// <summary>
    /// Reverts (or, for a dry run, plans reverting) a file event. The daemon checks against its own
    /// catalogue; the direct store uses the catalogue of <paramref name="settings"/>.
    /// </summary>
    RevertResult Revert(RevertRequest request, GoWatchSettings settings);
}
