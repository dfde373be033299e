using Microsoft.Win32.SafeHandles;

namespace GoWatch.Events.Store.LiteDb;

/// <summary>
/// LiteDB 5 writes a commit's pages to its log file and calls <c>Stream.Flush()</c>, which hands
/// them to the OS but does not reach the disk: a machine crash could lose an acknowledged append.
/// So every commit is followed by a sync of the log file, ours (any descriptor of the file syncs
/// its data, so a read-only handle of our own is enough and LiteDB's internals stay untouched).
/// <para>
/// Group commit: a sync covers every commit written before it started, so writers that commit
/// while a sync is running share the next one. A writer takes a ticket after its commit; the
/// first to wait syncs for everyone committed so far, the others wait for it. A lone writer pays
/// one sync per commit as before; a burst of N pays about two, not N.
/// </para>
/// <para>
/// This rests on LiteDB 5.0 writing a commit's log pages on the committing thread before
/// <c>Commit()</c> returns (seen with strace: the pwrites precede the return, on the same
/// thread), so a ticket taken after the commit names bytes already in the file. LiteDB fsyncs
/// only the data file, at a checkpoint, before it empties the log.
/// </para>
/// </summary>
internal sealed class LogFileSync(string logPath, IDiskSync disk) : IDisposable
{
    private readonly object _gate = new();
    private SafeFileHandle? _handle;
    private long _committed;
    private long _durable;
    private long _failedFrom;
    private long _failedThrough;
    private IOException? _failure;
    private bool _syncing;
    private long _syncs;

    /// <summary>How many syncs reached the disk (tests and benchmarks read it).</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>
    /// Called right after a commit, in commit order (under the store's write lock): the ticket
    /// to wait for. Every commit with a ticket up to it is in the log file.
    /// </summary>
    public long Committed() => Interlocked.Increment(ref _committed);

    /// <summary>The ticket of the newest commit (0 before the first).</summary>
    public long Latest => Interlocked.Read(ref _committed);

    /// <summary>Whether the commit with <paramref name="ticket"/> is on disk (true), or its sync failed (false); null while it waits.</summary>
    public bool? Settled(long ticket)
    {
        lock (_gate)
        {
            if (ticket > _failedFrom && ticket <= _failedThrough && _failure is not null)
            {
                return false;
            }
            return _durable >= ticket ? true : null;
        }
    }

    /// <summary>Returns once the commit with <paramref name="ticket"/> is on disk.</summary>
    /// <exception cref="IOException">the sync that covered it failed: it may not survive a crash.</exception>
    public void WaitDurable(long ticket)
    {
        lock (_gate)
        {
            while (true)
            {
                // A failed sync may have dropped the pages it was given (Linux forgets them), so a
                // later sync that succeeds does not make those commits durable after all.
                if (ticket > _failedFrom && ticket <= _failedThrough && _failure is { } failed)
                {
                    throw new IOException(failed.Message, failed);
                }
                if (_durable >= ticket)
                {
                    return;
                }
                if (!_syncing)
                {
                    break;
                }
                Monitor.Wait(_gate);
            }
            _syncing = true;
        }

        // Every ticket issued so far belongs to a commit already written: this sync covers them all.
        var target = Interlocked.Read(ref _committed);
        IOException? error = null;
        try
        {
            SyncNow();
        }
        catch (IOException ex)
        {
            error = ex;
        }
        catch (UnauthorizedAccessException ex)
        {
            error = new IOException(ex.Message, ex);
        }
        finally
        {
            lock (_gate)
            {
                _syncing = false;
                if (error is null)
                {
                    _durable = Math.Max(_durable, target);
                }
                else
                {
                    _failedFrom = _durable;
                    _failedThrough = target;
                    _failure = error;
                }
                Monitor.PulseAll(_gate);
            }
        }
        if (error is not null)
        {
            throw error;
        }
    }

    private void SyncNow()
    {
        if (_handle is null)
        {
            if (!File.Exists(logPath))
            {
                return;
            }
            _handle = File.OpenHandle(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            // The log file was just created: make its directory entry durable too.
            disk.SyncDirectory(Path.GetDirectoryName(logPath)!);
        }
        disk.Sync(_handle);
        Interlocked.Increment(ref _syncs);
    }

    /// <summary>
    /// The engine was reopened and LiteDB may have replaced its log file: the next sync opens it
    /// afresh. Called with no sync running (the store holds its engine lock exclusively).
    /// </summary>
    public void Reopen()
    {
        lock (_gate)
        {
            _handle?.Dispose();
            _handle = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _handle?.Dispose();
            _handle = null;
        }
    }
}
