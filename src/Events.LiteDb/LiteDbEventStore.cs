using System.Security.Cryptography;
using GoWatch.Events.Model;
using GoWatch.Events.Serialization;
using LiteDB;

namespace GoWatch.Events.Store.LiteDb;

/// <summary>
/// The event store on one LiteDB file, opened by exactly one process (see <see cref="StoreLock"/>).
/// Positions are the documents' <c>_id</c>, assigned here under the write lock from the largest
/// stored position — never LiteDB's auto id, which reuses numbers after a restart and leaves gaps
/// on rollback. Unique indexes on the event id and on stream+version make a duplicate or a
/// conflicting write impossible even if this code were wrong.
/// </summary>
public sealed class LiteDbEventStore : IEventStore
{
    private const string EventsCollection = "events";
    private const string StreamsCollection = "streams";
    private const string BlobsCollection = "blobs";
    private const int PageSize = 8192;

    // Queries are parameterised: LiteDB's Query.EQ(field, value) writes the value into the
    // expression text, and LiteDB parses and caches every distinct text — a parse per append
    // and a cache that grows with every event id ever looked up.
    private const string ByEventId = "eventId = @0";

    private const string PositionRange = "_id BETWEEN @0 AND @1";

    /// <summary>Keys starting with <paramref name="prefix"/>, through the index (the collation is ordinal).</summary>
    private static BsonExpression Prefixed(string field, string prefix) =>
        BsonExpression.Create($"{field} BETWEEN @0 AND @1", prefix, prefix + char.MaxValue);

    private readonly StoreLock _lock;
    private readonly LogFileSync _logSync;
    private readonly TimeProvider _time;
    private readonly object _writeGate = new();
    private readonly object _publishGate = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(long Ticket, IReadOnlyList<EventEnvelope> Events)> _unpublished = new();
    private bool _publishing;

    // The LiteDB engine and its collections. LiteDB 5 refuses every call after a write failed
    // for lack of space; the store then reopens the engine on the next call (see EnsureEngine),
    // so a full disk costs the appends it could not make and nothing else.
    private LiteDatabase _db;
    private ILiteCollection<BsonDocument> _events;
    private ILiteCollection<BsonDocument> _streams;
    private ILiteCollection<BsonDocument> _blobs;
    private SnapshotBlobs _snapshots;
    private readonly ReaderWriterLockSlim _engineLock = new(LockRecursionPolicy.SupportsRecursion);
    private volatile bool _engineFailed;
    private long _lastPosition;

    private LiteDbEventStore(string path, LiteDatabase db, StoreLock storeLock, TimeProvider time, IDiskSync disk)
    {
        FilePath = path;
        _lock = storeLock;
        _time = time;
        _logSync = new LogFileSync(LogFilePath(path), disk);
        (_db, _events, _streams, _blobs, _snapshots) = Attach(db, path);
    }

    private static (LiteDatabase, ILiteCollection<BsonDocument>, ILiteCollection<BsonDocument>, ILiteCollection<BsonDocument>, SnapshotBlobs) Attach(LiteDatabase db, string path)
    {
        var blobs = db.GetCollection(BlobsCollection);
        return (db, db.GetCollection(EventsCollection), db.GetCollection(StreamsCollection), blobs, new SnapshotBlobs(blobs, path));
    }

    /// <summary>Runs a read against the current engine, reopening it first if a write failure broke it.</summary>
    private T Read<T>(Func<T> read)
    {
        EnsureEngine();
        _engineLock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _engineLock.ExitReadLock();
        }
    }

    private void EnsureEngine()
    {
        if (!_engineFailed)
        {
            return;
        }
        _engineLock.EnterWriteLock();
        try
        {
            if (!_engineFailed)
            {
                return;
            }
            try
            {
                _db.Dispose();
            }
            catch (Exception)
            {
                // The broken engine refuses even to close; its files are reopened below all the same.
            }
            try
            {
                (_db, _events, _streams, _blobs, _snapshots) = Attach(new LiteDatabase(Connection(FilePath, readOnly: false)), FilePath);
                Interlocked.Exchange(ref _lastPosition, NewestPosition());
                _logSync.Reopen();
                _engineFailed = false;
            }
            catch (Exception ex) when (IsStorageFailure(ex))
            {
                throw new StoreUnavailableException($"The GoWatch store {FilePath} cannot be reopened: {ex.Message}", ex);
            }
        }
        finally
        {
            _engineLock.ExitWriteLock();
        }
    }

    /// <summary>Out of space, I/O errors, a file gone read-only: what breaks LiteDB's engine (not a version conflict or bad input).</summary>
    private static bool IsStorageFailure(Exception ex) => ex is IOException or UnauthorizedAccessException or LiteException or ObjectDisposedException;

    /// <summary>Marks the engine for reopening and turns the failure into a clear error; nothing of this write was stored.</summary>
    private StoreUnavailableException WriteFailed(Exception ex)
    {
        _engineFailed = true;
        var reason = ex is LiteException { InnerException: { } inner } ? inner.Message : ex.Message;
        return new StoreUnavailableException($"Could not write to the GoWatch store {FilePath}: {reason}. Nothing of this change was stored; what was recorded before is intact.", ex);
    }

    public string FilePath { get; }

    public long SizeBytes => new[] { FilePath, LogFilePath(FilePath) }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    public long LastPosition => Interlocked.Read(ref _lastPosition);

    /// <summary>
    /// Positions run gap-free from 1 and nothing is ever deleted, so the count is the last
    /// position — no scan of a million-event index to answer <c>gowatch status</c>.
    /// </summary>
    public long Count => Read(() => _lastPosition);

    /// <summary>How many syncs of the log reached the disk; appends that arrive together share one (see <see cref="LogFileSync"/>).</summary>
    public long DurableSyncs => _logSync.Syncs;

    public event Action<IReadOnlyList<EventEnvelope>>? Appended;

    /// <summary>
    /// Opens (or creates) the store at <paramref name="path"/>, taking the lock file
    /// <paramref name="lockPath"/> first.
    /// </summary>
    /// <param name="lockPatience">how long to wait while another process holds the store (a CLI
    /// command lets go within milliseconds); two seconds when not given. Never zero by default:
    /// a child process forked at the moment the store was closed shares the lock until it execs,
    /// so even this process may find its own, just released, lock held for a moment.</param>
    /// <exception cref="StoreLockedException">another process has it open (still, after the patience).</exception>
    /// <exception cref="StoreUnavailableException">the file is damaged or cannot be opened; it is left as it is.</exception>
    public static LiteDbEventStore Open(string path, string lockPath, TimeProvider? time = null, TimeSpan? lockPatience = null) =>
        Open(path, lockPath, NativeDiskSync.ForThisSystem(), time, lockPatience);

    /// <summary>Opens the store with <paramref name="disk"/> making its commits durable (tests pass a counting or slow one).</summary>
    internal static LiteDbEventStore Open(string path, string lockPath, IDiskSync disk, TimeProvider? time = null, TimeSpan? lockPatience = null)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        try
        {
            CreatePrivateDirectory(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"Cannot create the data directory {dir}: {ex.Message}", ex);
        }

        StoreLock storeLock;
        try
        {
            var patience = lockPatience ?? TimeSpan.FromSeconds(2);
            storeLock = patience > TimeSpan.Zero ? StoreLock.AcquireWaiting(lockPath, patience) : StoreLock.Acquire(lockPath);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new StoreUnavailableException($"Cannot create the lock file {lockPath}: {ex.Message}", ex);
        }

        LiteDatabase? db = null;
        try
        {
            // An empty file is a store whose creation was cut short (a full disk): LiteDB starts it anew.
            if (File.Exists(path) && new FileInfo(path).Length > 0)
            {
                if (StoreIntegrity.ScanUnlessUnchanged(path) is { Count: > 0 } damage)
                {
                    storeLock.Dispose();
                    throw new StoreUnavailableException(Damaged(path, damage));
                }
                ValidateReadOnly(path);
            }
            db = new LiteDatabase(Connection(path, readOnly: false));
            var store = new LiteDbEventStore(path, db, storeLock, time ?? TimeProvider.System, disk);
            store.Initialise();
            RestrictToOwner(path);
            RestrictToOwner(LogFilePath(path));
            return store;
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException or InvalidCastException or InvalidOperationException or FormatException or IndexOutOfRangeException or ArgumentException or NotSupportedException)
        {
            try
            {
                db?.Dispose();
            }
            catch (Exception) when (ex is IOException or NotSupportedException)
            {
                // An engine that could not write its first page may refuse to close as well.
            }
            storeLock.Dispose();
            throw new StoreUnavailableException(
                $"The GoWatch store {path} cannot be opened: {OneLine(ex)}. It was left untouched; move it aside to start a new store, or restore it from a backup.", ex);
        }
    }

    /// <summary>
    /// Fills a new, empty store with events and snapshot documents read out of a damaged one
    /// (<see cref="StoreRecovery"/>), keeping their positions, ids and streams, in one transaction.
    /// </summary>
    internal void Import(IEnumerable<BsonDocument> events, IEnumerable<BsonDocument> blobs)
    {
        lock (_writeGate)
        {
            if (LastPosition != 0)
            {
                throw new InvalidOperationException("Events are imported into an empty store only.");
            }
            _db.BeginTrans();
            var versions = new Dictionary<string, long>(StringComparer.Ordinal);
            long last = 0;
            foreach (var e in events)
            {
                _events.Insert(e);
                var stream = e["stream"].AsString;
                versions[stream] = Math.Max(versions.GetValueOrDefault(stream), e["version"].AsInt64);
                last = Math.Max(last, e["_id"].AsInt64);
            }
            foreach (var (stream, version) in versions)
            {
                _streams.Upsert(new BsonDocument { ["_id"] = stream, ["version"] = version });
            }
            foreach (var blob in blobs)
            {
                _blobs.Upsert(blob);
            }
            _db.Commit();
            Interlocked.Exchange(ref _lastPosition, last);
        }
    }

    /// <summary>The one line a damaged store is refused with, naming the first damage and the way out.</summary>
    internal static string Damaged(string path, IReadOnlyList<string> damage) =>
        $"The GoWatch store {path} is damaged: {damage[0]}{(damage.Count > 1 ? $" (and {damage.Count - 1} more)" : "")}. It was left untouched; " +
        $"gowatch store recover --to DIR copies every readable event into a new store.";

    /// <summary>
    /// A failure as one line: a full or read-only file system said plainly (.NET gives the errno as
    /// the HResult and words that can mislead), LiteDB's own messages as they are.
    /// </summary>
    internal static string OneLine(Exception ex)
    {
        var inner = ex is LiteException { InnerException: IOException io } ? io : ex;
        var text = inner.HResult switch
        {
            28 => "No space left on device: the disk holding it is full",
            30 => "Read-only file system: the disk holding it cannot be written",
            69 or 122 => "Disk quota exceeded",
            _ => inner is NotSupportedException ? "the file cannot be written (the disk may be full or read-only)" : inner.Message,
        };
        return text.ReplaceLineEndings(" ").Trim();
    }

    private static ConnectionString Connection(string path, bool readOnly) => new()
    {
        Filename = path,
        Connection = ConnectionType.Direct,
        ReadOnly = readOnly,
        Upgrade = false,
        AutoRebuild = false,
        // Paths and stream names compare byte for byte: ~/.Zshrc is not ~/.zshrc on Linux.
        Collation = new Collation(System.Globalization.CultureInfo.InvariantCulture.LCID, System.Globalization.CompareOptions.Ordinal),
    };

    /// <summary>
    /// LiteDB marks a file it fails to read as "to be rebuilt" by writing into its header. A
    /// damaged store must be refused and left byte for byte as it is, so it is first read
    /// through a read-only connection, which cannot write.
    /// </summary>
    private static void ValidateReadOnly(string path)
    {
        // LiteDB silently trims a file whose length is not a whole number of pages: check first.
        foreach (var file in new[] { path, LogFilePath(path) })
        {
            if (File.Exists(file) && new FileInfo(file).Length % PageSize != 0)
            {
                throw new LiteException(0, $"{System.IO.Path.GetFileName(file)} is truncated ({new FileInfo(file).Length} bytes is not a whole number of {PageSize}-byte pages)");
            }
        }
        using var probe = new LiteDatabase(Connection(path, readOnly: true));
        foreach (var name in new[] { EventsCollection, StreamsCollection })
        {
            if (probe.CollectionExists(name))
            {
                var collection = probe.GetCollection(name);
                _ = collection.Query().OrderBy("_id").Limit(1).FirstOrDefault();
                _ = collection.Query().OrderByDescending("_id").Limit(1).FirstOrDefault();
            }
        }
    }

    private void Initialise()
    {
        _events.EnsureIndex("eventId", unique: true);
        _events.EnsureIndex("sv", unique: true);
        DropRedundantIndexes();

        // Reading the newest document both finds the next position and proves the file is readable.
        _lastPosition = NewestPosition();
    }

    /// <summary>The position of the newest stored event (0 for an empty store).</summary>
    private long NewestPosition() =>
        _events.Query().OrderByDescending("_id").Limit(1).FirstOrDefault() is { } last ? last["_id"].AsInt64 : 0;

    /// <summary>
    /// Indexes that older stores carry and this one no longer reads: a checkId index (drift
    /// events are found through their check's stream) and a path+position index (a path's events
    /// are read through its streams). Every index costs each append a node (null ones included),
    /// so they go; where the file cannot be written now they stay, which only makes appends slower.
    /// </summary>
    private void DropRedundantIndexes()
    {
        foreach (var index in (string[])["checkId", "pp"])
        {
            try
            {
                _events.DropIndex(index);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
            {
            }
        }
    }

    // ---- writing ------------------------------------------------------------------------

    public AppendResult Append(AppendRequest request) => AppendMany([request])[0];

    public IReadOnlyList<AppendResult> AppendMany(IReadOnlyList<AppendRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        List<AppendResult> results;
        long ticket = 0;
        lock (_writeGate)
        {
            EnsureEngine();
            _engineLock.EnterReadLock();
            try
            {
                List<EventEnvelope> stored;
                long position;
                try
                {
                    // Event ids are new on almost every append: insert straight away and let the
                    // unique eventId index catch a retried id, rather than look each one up first.
                    (results, stored, position) = WriteBatch(requests, lookUpIds: false);
                }
                catch (LiteException ex) when (IsDuplicateEventId(ex))
                {
                    // A retry of an event already stored (the batch was rolled back): answer with the stored one.
                    (results, stored, position) = WriteBatch(requests, lookUpIds: true);
                }
                if (stored.Count > 0)
                {
                    // The next writer numbers from here, even before this commit reaches the disk.
                    Interlocked.Exchange(ref _lastPosition, position);
                    ticket = _logSync.Committed();
                    _unpublished.Enqueue((ticket, stored));
                }
            }
            finally
            {
                _engineLock.ExitReadLock();
            }
        }
        if (ticket > 0)
        {
            // Outside the write lock, so writers arriving meanwhile commit and share the sync.
            WaitDurable(ticket);
            Publish();
        }
        return results;
    }

    /// <summary>Returns once the commit with <paramref name="ticket"/> is on disk: an append is acknowledged only then.</summary>
    private void WaitDurable(long ticket)
    {
        _engineLock.EnterReadLock();
        try
        {
            _logSync.WaitDurable(ticket);
        }
        catch (IOException ex)
        {
            _engineFailed = true;
            throw new StoreUnavailableException(
                $"Could not sync the GoWatch store {FilePath} to disk: {OneLine(ex)}. The change may not survive a crash of the machine; what was synced before is intact.", ex);
        }
        finally
        {
            _engineLock.ExitReadLock();
        }
    }

    /// <summary>
    /// Tells subscribers about committed batches once they are on disk, outside the write lock (a
    /// subscriber may read the store, or append, without deadlocking a writer) and in position
    /// order: batches are queued under the write lock and delivered by one thread at a time, each
    /// only after the sync that covers it. An append made by a subscriber is delivered by the
    /// loop already running, after the batch it is handling.
    /// </summary>
    private void Publish()
    {
        lock (_publishGate)
        {
            if (_publishing)
            {
                return;
            }
            _publishing = true;
            try
            {
                while (_unpublished.TryPeek(out var next) && _logSync.Settled(next.Ticket) is { } durable && _unpublished.TryDequeue(out var batch))
                {
                    // A batch whose sync failed was reported to its writer as a failure: it is not announced.
                    if (durable)
                    {
                        Appended?.Invoke(batch.Events);
                    }
                }
            }
            finally
            {
                _publishing = false;
            }
        }
    }

    /// <summary>Appends the requests in one transaction, committed (not yet fsynced) or rolled back as a whole.</summary>
    private (List<AppendResult> Results, List<EventEnvelope> Stored, long Position) WriteBatch(IReadOnlyList<AppendRequest> requests, bool lookUpIds)
    {
        var results = new List<AppendResult>(requests.Count);
        var stored = new List<EventEnvelope>();
        var position = _lastPosition;
        if (!_db.BeginTrans())
        {
            throw new InvalidOperationException("A store transaction is already open on this thread.");
        }
        try
        {
            var versions = new Dictionary<string, long>(StringComparer.Ordinal);
            var moved = new HashSet<string>(StringComparer.Ordinal);
            foreach (var request in requests)
            {
                var before = stored.Count;
                results.Add(AppendOne(request, versions, ref position, stored, lookUpIds));
                if (stored.Count > before)
                {
                    moved.Add(request.Stream);
                }
            }
            // Each stream's version is written once per batch, not once per request.
            foreach (var stream in moved)
            {
                _streams.Upsert(new BsonDocument { ["_id"] = stream, ["version"] = versions[stream] });
            }
            _db.Commit();
            return (results, stored, position);
        }
        catch (Exception ex)
        {
            try
            {
                _db.Rollback();
            }
            catch (Exception) when (IsStorageFailure(ex))
            {
                // The engine is already broken; it is reopened on the next call.
            }
            if (IsStorageFailure(ex) && !IsDuplicateEventId(ex))
            {
                throw WriteFailed(ex);
            }
            throw;
        }
    }

    private static bool IsDuplicateEventId(Exception ex) =>
        ex is LiteException { ErrorCode: LiteException.INDEX_DUPLICATE_KEY } && ex.Message.Contains("'eventId'", StringComparison.Ordinal);

    private AppendResult AppendOne(AppendRequest request, Dictionary<string, long> versions, ref long position, List<EventEnvelope> stored, bool lookUpIds)
    {
        if (string.IsNullOrEmpty(request.Stream))
        {
            throw new ArgumentException("An event stream name must not be empty.");
        }
        if (!versions.TryGetValue(request.Stream, out var current))
        {
            current = _streams.FindById(request.Stream)?["version"].AsInt64 ?? 0;
        }

        var envelopes = new List<EventEnvelope>(request.Events.Count);
        var fresh = new List<NewEvent>(request.Events.Count);
        foreach (var e in request.Events)
        {
            var existing = lookUpIds ? _events.FindOne(ByEventId, e.Id.ToString()) : null;
            if (existing is not null)
            {
                envelopes.Add(ToEnvelope(existing));
            }
            else
            {
                fresh.Add(e);
            }
        }
        if (fresh.Count == 0)
        {
            versions[request.Stream] = current;
            return new AppendResult(envelopes, current);
        }
        if (request.ExpectedVersion != ExpectedVersion.Any && request.ExpectedVersion != current)
        {
            throw new WrongExpectedVersionException(request.Stream, request.ExpectedVersion, current);
        }

        var now = _time.GetUtcNow();
        foreach (var e in fresh)
        {
            var (type, schema) = EventTypeRegistry.NameOf(e.Data);
            var envelope = new EventEnvelope(++position, request.Stream, ++current, type, schema, e.Id, now, e.CorrelationId, e.CausationId, e.Source, e.Data);
            _events.Insert(ToDocument(envelope));
            envelopes.Add(envelope);
            stored.Add(envelope);
        }
        versions[request.Stream] = current;
        return new AppendResult(envelopes, current);
    }

    // ---- reading ------------------------------------------------------------------------

    public EventEnvelope? Get(long position) =>
        Read(() => _events.FindById(position) is { } doc ? ToEnvelope(doc) : null);

    public long StreamVersion(string stream) => Read(() => _streams.FindById(stream)?["version"].AsInt64 ?? 0);

    public IReadOnlyList<string> StreamNames(string prefix) =>
        Read(() => _streams.Find(Prefixed("_id", prefix)).Select(d => d["_id"].AsString).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToList());

    public IReadOnlyList<EventEnvelope> ReadStream(string stream) =>
        Read(() => StreamDocuments(stream, ascending: true).Select(ToEnvelope).ToList());

    public IReadOnlyList<EventEnvelope> Query(EventQuery query) => Read(() => QueryEngine(query));

    private List<EventEnvelope> QueryEngine(EventQuery query)
    {
        // Selective filters go through their index; everything else walks positions in order
        // and stops at the limit, so "the newest 50" never reads the whole log.
        // A stream's events are read through the stream+version index, whose keys sort by
        // position: the newest come first without a sort.
        var ascending = query.Ascending;
        var documents = query switch
        {
            // A path's events are those of its own streams (SPEC §4), merged by position.
            { Path: { } path } => MergeByPosition(StreamDocuments(Streams.File(path), ascending), StreamDocuments(Streams.Install(path), ascending), ascending),
            { Stream: { } stream } => StreamDocuments(stream, ascending),
            // Drift events live in their check's stream.
            { CheckId: { } checkId } => StreamDocuments(Streams.Check(checkId), ascending),
            _ => PositionDocuments(query),
        };
        var types = query.Types is { Count: > 0 } t ? new HashSet<string>(t, StringComparer.Ordinal) : null;
        var matches = documents.Where(d => Matches(d, query, types)).Select(ToEnvelope);
        return (query.Limit > 0 ? matches.Take(query.Limit) : matches).ToList();
    }

    /// <summary>Documents in position order, within the query's position bounds when it has any.</summary>
    private IEnumerable<BsonDocument> PositionDocuments(EventQuery query)
    {
        var q = _events.Query();
        if (query.AfterPosition is not null || query.BeforePosition is not null)
        {
            q = q.Where(PositionRange, query.AfterPosition is { } a ? a + 1 : long.MinValue, query.BeforePosition is { } b ? b - 1 : long.MaxValue);
        }
        return (query.Ascending ? q.OrderBy("_id") : q.OrderByDescending("_id")).ToEnumerable();
    }

    /// <summary>One stream's documents in version order, which is position order, read lazily through its index.</summary>
    private IEnumerable<BsonDocument> StreamDocuments(string stream, bool ascending)
    {
        var q = _events.Query().Where(Prefixed("sv", stream + "#"));
        // The prefix also takes in longer stream names ("file:/a#b" under "file:/a#"): only the stream itself stays.
        return (ascending ? q.OrderBy("sv") : q.OrderByDescending("sv")).ToEnumerable().Where(d => d["stream"].AsString == stream);
    }

    /// <summary>Two position-ordered sequences as one, in the same order.</summary>
    private static IEnumerable<BsonDocument> MergeByPosition(IEnumerable<BsonDocument> first, IEnumerable<BsonDocument> second, bool ascending)
    {
        using var a = first.GetEnumerator();
        using var b = second.GetEnumerator();
        var hasA = a.MoveNext();
        var hasB = b.MoveNext();
        while (hasA || hasB)
        {
            var takeA = hasA && (!hasB || (a.Current["_id"].AsInt64 < b.Current["_id"].AsInt64) == ascending);
            if (takeA)
            {
                yield return a.Current;
                hasA = a.MoveNext();
            }
            else
            {
                yield return b.Current;
                hasB = b.MoveNext();
            }
        }
    }

    private static bool Matches(BsonDocument d, EventQuery query, HashSet<string>? types)
    {
        var position = d["_id"].AsInt64;
        if (query.AfterPosition is { } after && position <= after) return false;
        if (query.BeforePosition is { } before && position >= before) return false;
        if (query.Stream is { } stream && d["stream"].AsString != stream) return false;
        if (query.StreamPrefix is { } prefix && !d["stream"].AsString.StartsWith(prefix, StringComparison.Ordinal)) return false;
        if (query.Path is { } path && d["path"].AsString != path) return false;
        if (query.CheckId is { } check && d["checkId"].AsString != check) return false;
        if (types is not null && !types.Contains(d["type"].AsString)) return false;
        if (query.Since is not null || query.Until is not null)
        {
            var time = new DateTimeOffset(d["ticks"].AsInt64, TimeSpan.Zero);
            if (query.Since is { } since && time < since) return false;
            if (query.Until is { } until && time > until) return false;
        }
        return true;
    }

    // ---- blobs --------------------------------------------------------------------------

    public string Put(ReadOnlySpan<byte> content)
    {
        var (sha, ticket) = Store(content);
        if (ticket > 0)
        {
            WaitDurable(ticket);
        }
        return sha;
    }

    /// <summary>
    /// Stores the snapshot without waiting for the disk: the sync of the append that follows
    /// covers it (the log is one file, written in order), so recording a new file content costs
    /// one sync, not two. Should the append never come, an unreferenced snapshot may be lost in a
    /// crash, which loses nothing recorded.
    /// </summary>
    public string PutBeforeAppend(ReadOnlySpan<byte> content) => Store(content).Sha256;

    private (string Sha256, long Ticket) Store(ReadOnlySpan<byte> content)
    {
        var sha = Sha256Hex(content);
        lock (_writeGate)
        {
            EnsureEngine();
            _engineLock.EnterReadLock();
            try
            {
                // Content stored before may still be waiting for its sync (see PutBeforeAppend):
                // then the caller waits for everything committed so far, which is usually synced already.
                return (sha, _snapshots.Store(sha, content) ? _logSync.Committed() : _logSync.Latest);
            }
            catch (Exception ex) when (IsStorageFailure(ex) && ex is not StoreUnavailableException)
            {
                throw WriteFailed(ex);
            }
            finally
            {
                _engineLock.ExitReadLock();
            }
        }
    }

    /// <exception cref="StoreUnavailableException">the snapshot is stored but cannot be read back exactly (a missing delta base, damaged data).</exception>
    public byte[]? Get(string sha256) => Read(() => _snapshots.Read(sha256));

    public bool Contains(string sha256) => Read(() => _snapshots.Contains(sha256));

    /// <summary>A snapshot stored as a delta is at most this many deltas away from a whole one.</summary>
    public static int SnapshotChainLimit => SnapshotBlobs.MaxDepth;

    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    // ---- mapping ------------------------------------------------------------------------

    private static BsonDocument ToDocument(EventEnvelope e)
    {
        var doc = new BsonDocument
        {
            ["_id"] = e.Position,
            ["eventId"] = e.Id.ToString(),
            ["stream"] = e.Stream,
            ["version"] = e.Version,
            ["sv"] = e.Stream + "#" + e.Version.ToString("D12", System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = e.Type,
            ["schemaVersion"] = e.SchemaVersion,
            ["ticks"] = e.Time.UtcTicks,
            ["correlationId"] = e.CorrelationId?.ToString(),
            ["causationId"] = e.CausationId?.ToString(),
            ["source"] = e.Source,
            ["data"] = EventJson.SerializeData(e.Data),
        };
        if (e.Data switch { IFileEvent f => f.Path, InstallationChanged i => i.Path, InstallationObserved o => o.Path, _ => null } is { } path)
        {
            doc["path"] = path;
        }
        if (e.Data switch { DriftDetected d => d.CheckId, DriftResolved r => r.CheckId, _ => null } is { } checkId)
        {
            doc["checkId"] = checkId;
        }
        return doc;
    }

    private static EventEnvelope ToEnvelope(BsonDocument d)
    {
        var type = d["type"].AsString;
        return new EventEnvelope(
            d["_id"].AsInt64,
            d["stream"].AsString,
            d["version"].AsInt64,
            type,
            d["schemaVersion"].AsInt32,
            Guid.Parse(d["eventId"].AsString),
            new DateTimeOffset(d["ticks"].AsInt64, TimeSpan.Zero),
            d["correlationId"].IsString ? Guid.Parse(d["correlationId"].AsString) : null,
            d["causationId"].IsString ? Guid.Parse(d["causationId"].AsString) : null,
            d["source"].AsString,
            EventJson.DeserializeData(type, d["data"].AsString));
    }

    // ---- files --------------------------------------------------------------------------

    /// <summary>LiteDB's log file beside the store file (<c>events-log.db</c>).</summary>
    internal static string LogFilePath(string path) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileNameWithoutExtension(path) + "-log" + System.IO.Path.GetExtension(path));

    /// <summary>The store holds file contents: readable by the owner alone.</summary>
    private static void RestrictToOwner(string path)
    {
        if (File.Exists(path))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static void CreatePrivateDirectory(string dir)
    {
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose()
    {
        lock (_writeGate)
        {
            _engineLock.EnterWriteLock();
            try
            {
                _db.Dispose();
            }
            catch (Exception ex) when (_engineFailed && IsStorageFailure(ex))
            {
                // A broken engine may refuse to close; the lock below is released regardless.
            }
            finally
            {
                _engineLock.ExitWriteLock();
                _logSync.Dispose();
                _lock.Dispose();
            }
        }
    }
}
