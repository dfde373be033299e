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
    // Paths this process looked at and found absent with nothing recorded for them: when one of
    // them turns up, GoWatch saw it appear. Anything else present with no recorded state is a
    // first sighting (FileObserved), however it was noticed.
    private readonly HashSet<string> _seenAbsent = new(StringComparer.Ordinal);
    // The same for the directories of glob targets (conf.d/*.fish): every file there at the
    // scan was recorded, so a new unrecorded one appeared afterwards.
    private readonly HashSet<string> _scannedGlobDirectories = new(StringComparer.Ordinal);

    /// <summary>Who records: the daemon, or the CLI reconciling before doctor while the daemon is down.</summary>
    public string Source { get; init; } = EventSources.Daemon;

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

    /// <summary>
    /// Says that every file of the glob target in <paramref name="directory"/> has just been
    /// recorded (a reconcile enumerated them), so one that turns up later was seen appearing.
    /// </summary>
    public void MarkScanned(string directory)
    {
        lock (_recordGate)
        {
            _scannedGlobDirectories.Add(directory);
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
            var data = Decide(path, target, recorded, observation);
            if (data is null)
            {
                return null;
            }
            if (observation is FileObservation.Present { Content: { } content })
            {
                _store.PutBeforeAppend(content);
            }
            var stream = Streams.File(path);
            EventEnvelope stored;
            try
            {
                // The version the decision was made from: had the stream moved on, it is refused.
                stored = _store.Append(new AppendRequest(stream, recorded?.Version ?? ExpectedVersion.NoStream, [new NewEvent(data, Source) { CorrelationId = correlationId }])).Events[0];
            }
            catch (WrongExpectedVersionException)
            {
                // The state was stale (an event of a newer GoWatch in the stream, which the fold skips):
                // read the stream again and decide once more from what it says now.
                var (fresh, version) = Reload(stream, path);
                var again = Decide(path, target, fresh, observation);
                if (again is null)
                {
                    return null;
                }
                stored = _store.Append(new AppendRequest(stream, version, [new NewEvent(again, Source) { CorrelationId = correlationId }])).Events[0];
            }
            _log.LogInformation("Recorded {Type} for {Path} at position {Position}", stored.Type, path, stored.Position);
            return stored;
        }
    }

    private (FileSnapshot? Snapshot, long Version) Reload(string stream, string path)
    {
        var snapshot = WatchedFilesState.Fold(_store.ReadStream(stream))[path];
        var version = _store.StreamVersion(stream);
        lock (_stateLock)
        {
            _state = snapshot is null ? _state : _state with { Files = _state.Files.SetItem(path, snapshot with { Version = version }) };
        }
        return (snapshot, version);
    }

    private IEvent? Decide(string path, WatchTarget target, FileSnapshot? recorded, FileObservation observation)
    {
        var fileClass = target.FileClass;
        if (recorded is null)
        {
            return FirstSighting(path, target, observation);
        }
        switch (observation)
        {
            case FileObservation.Absent:
                return recorded.Status == FileStatus.Absent ? null : new FileDeleted(path, recorded.Sha256, fileClass);

            case FileObservation.Unreadable u:
                return recorded.Status == FileStatus.Unreadable ? null : new FileUnreadable(path, u.Reason, fileClass);

            case FileObservation.Present p when recorded.Status == FileStatus.Absent:
                // The store recorded it gone (deleted, or reverted away): its return is seen.
                return new FileCreated(path, p.Sha256, p.Size, p.Content is not null, fileClass, Witnessed: true);

            case FileObservation.Present p when recorded.Status == FileStatus.Present && recorded.Sha256 == p.Sha256:
                return null;

            case FileObservation.Present p:
                var before = recorded.Sha256 is { } sha ? _store.Get(sha) : null;
                var (added, removed) = p.Content is not null && (before is not null || recorded.Sha256 is null)
                    ? LineChanges.Count(before, p.Content)
                    : (0, 0);
                return new FileChanged(path, recorded.Sha256, p.Sha256, added, removed, p.Size, p.Content is not null, fileClass);

            default:
                throw new InvalidOperationException($"Unexpected observation {observation}.");
        }
    }

    /// <summary>
    /// Nothing is recorded for the path yet. A file that is simply there is a baseline; only a
    /// file this process saw absent before is a creation. An absent path records nothing (the
    /// catalogue names many files a machine does not have) but is remembered.
    /// </summary>
    private IEvent? FirstSighting(string path, WatchTarget target, FileObservation observation)
    {
        var fileClass = target.FileClass;
        switch (observation)
        {
            case FileObservation.Absent:
                _seenAbsent.Add(path);
                return null;
            case FileObservation.Unreadable u:
                return new FileUnreadable(path, u.Reason, fileClass);
            case FileObservation.Present p when _seenAbsent.Remove(path) || (target.Pattern is not null && _scannedGlobDirectories.Contains(target.Directory)):
                return new FileCreated(path, p.Sha256, p.Size, p.Content is not null, fileClass, Witnessed: true);
            case FileObservation.Present p:
                return new FileObserved(path, p.Sha256, p.Size, ModeOf(path), p.Content is not null, fileClass);
            default:
                throw new InvalidOperationException($"Unexpected observation {observation}.");
        }
    }

    private static int ModeOf(string path)
    {
        try
        {
            return (int)File.GetUnixFileMode(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
