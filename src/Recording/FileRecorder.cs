using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Projections;
using GoWatch.Events.Store;
using GoWatch.Recording.Catalogue;
using Microsoft.Extensions.Logging;

namespace GoWatch.Recording;

/// <summary>
/// Turns "this path may have changed" into at most one event: it observes the path, compares
/// with the last recorded state (the <see cref="WatchedFilesState"/> fold) and appends what is
/// new. Watchers, reconciliation and start-up all go through here, one path at a time, so a
/// change seen twice is recorded once.
/// </summary>
public sealed class FileRecorder
{
    private readonly IEventStore _store;
    private readonly Func<WatchCatalogue> _catalogue;
    private readonly long _contentCap;
    private readonly ILogger<FileRecorder> _log;
    // One decision at a time; _stateLock only guards the reference and is never held while waiting.
    private readonly object _recordGate = new();
    private readonly object _stateLock = new();
    private WatchedFilesState _state;

    public FileRecorder(IEventStore store, WatchCatalogue catalogue, long contentCap, ILogger<FileRecorder> log)
        : this(store, () => catalogue, contentCap, log)
    {
    }

    /// <summary>A recorder that asks <paramref name="catalogue"/> for the current catalogue each time (it may be rebuilt).</summary>
    public FileRecorder(IEventStore store, Func<WatchCatalogue> catalogue, long contentCap, ILogger<FileRecorder> log)
    {
        _store = store;
        _catalogue = catalogue;
        _contentCap = contentCap;
        _log = log;
        _state = LoadState(store);
        // Every file event, whoever appends it (a revert, say), moves the state on.
        store.Appended += batch =>
        {
            lock (_stateLock)
            {
                _state = batch.Aggregate(_state, (s, e) => s.When(e));
            }
        };
    }

    public WatchedFilesState State
    {
        get
        {
            lock (_stateLock)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// Folds the last file event of every file stream: each file event carries the complete
    /// state after it, so this equals the fold over the whole log without reading all of it.
    /// When the newest event of a stream is one this version does not know (a newer GoWatch
    /// wrote it), the stream is read back to its newest known file event instead.
    /// </summary>
    private static WatchedFilesState LoadState(IEventReader store) =>
        NewestPerStream.Load(store, "file:", e => e.Data is IFileEvent)
            .Aggregate(WatchedFilesState.Empty, (s, e) => s.When(e));

    /// <summary>Paths with a recorded state that the catalogue still covers (a deleted file is still one to check).</summary>
    public IEnumerable<string> KnownPaths() => State.Files.Keys.Where(p => _catalogue().Find(p) is not null);

    /// <summary>
    /// Runs <paramref name="action"/> while no recording decision can be made: a revert writes a
    /// file and appends its <c>FileReverted</c> in here, so the watcher's later look at the file
    /// finds it matching the recorded state and records nothing of its own.
    /// </summary>
    public T Exclusive<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_recordGate)
        {
            return action();
        }
    }

    /// <summary>Observes <paramref name="path"/> and records what changed. Returns the stored event, if any.</summary>
    public EventEnvelope? Record(string path, Guid? correlationId = null)
    {
        var target = _catalogue().Find(path);
        if (target is null)
        {
            return null;
        }
        lock (_recordGate)
        {
            // Observed under the gate: two racing calls must not record an older read last.
            var observation = FileObserver.Observe(path, _contentCap);
            var recorded = State[path];
            var data = Decide(path, target.FileClass, recorded, observation);
            if (data is null)
            {
                return null;
            }
            if (observation is FileObservation.Present { Content: { } content })
            {
                _store.Put(content);
            }
            var stream = Streams.File(path);
            var result = _store.Append(new AppendRequest(stream, _store.StreamVersion(stream), [new NewEvent(data, EventSources.Daemon) { CorrelationId = correlationId }]));
            var stored = result.Events[0];
            _log.LogInformation("Recorded {Type} for {Path} at position {Position}", stored.Type, path, stored.Position);
            return stored;
        }
    }

    private IEvent? Decide(string path, string fileClass, FileSnapshot? recorded, FileObservation observation)
    {
        var status = recorded?.Status ?? FileStatus.Absent;
        switch (observation)
        {
            case FileObservation.Absent:
                return status == FileStatus.Absent ? null : new FileDeleted(path, recorded?.Sha256, fileClass);

            case FileObservation.Unreadable u:
                return status == FileStatus.Unreadable ? null : new FileUnreadable(path, u.Reason, fileClass);

            case FileObservation.Present p when status == FileStatus.Absent:
                return new FileCreated(path, p.Sha256, p.Size, p.Content is not null, fileClass);

            case FileObservation.Present p when status == FileStatus.Present && recorded!.Sha256 == p.Sha256:
                return null;

            case FileObservation.Present p:
                var before = recorded?.Sha256 is { } sha ? _store.Get(sha) : null;
                var (added, removed) = p.Content is not null && (before is not null || recorded?.Sha256 is null)
                    ? LineChanges.Count(before, p.Content)
                    : (0, 0);
                return new FileChanged(path, recorded?.Sha256, p.Sha256, added, removed, p.Size, p.Content is not null, fileClass);

            default:
                throw new InvalidOperationException($"Unexpected observation {observation}.");
        }
    }
}
