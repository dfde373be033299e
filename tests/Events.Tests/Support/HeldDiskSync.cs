using GoWatch.Events.Store.LiteDb;
using Microsoft.Win32.SafeHandles;

namespace GoWatch.Events.Tests.Support;

/// <summary>
/// The real sync (fsync) behind the store's seam, with a disk that can be made slow or broken:
/// <see cref="HoldSyncs"/> keeps the next sync waiting until <see cref="Release"/>, as a full
/// sync on an Apple SSD keeps a writer waiting, so that a burst arrives while the disk is busy.
/// Records, for each sync, the newest position committed when it began: everything up to it
/// was written before the sync and is on disk once it returns.
/// </summary>
internal sealed class HeldDiskSync : IDiskSync
{
    private readonly IDiskSync _real = NativeDiskSync.ForThisSystem();
    private readonly ManualResetEventSlim _released = new(true);
    private long _covered;
    private int _started;

    /// <summary>The store's newest committed position; set once the store is open.</summary>
    public Func<long> NewestCommitted { get; set; } = () => 0;

    /// <summary>The newest position a finished sync covered.</summary>
    public long Covered => Interlocked.Read(ref _covered);

    /// <summary>How many syncs of a file began.</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>When set, syncs fail as a dying disk's would.</summary>
    public bool Failing { get; set; }

    public void HoldSyncs() => _released.Reset();

    public void Release() => _released.Set();

    public void Sync(SafeFileHandle file)
    {
        var covering = NewestCommitted();
        Interlocked.Increment(ref _started);
        if (!_released.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The held sync was never released.");
        }
        if (Failing)
        {
            throw new IOException("fsync failed: Input/output error", 5);
        }
        _real.Sync(file);
        long seen;
        while ((seen = Interlocked.Read(ref _covered)) < covering && Interlocked.CompareExchange(ref _covered, covering, seen) != seen)
        {
        }
    }

    public void SyncDirectory(string directory) => _real.SyncDirectory(directory);
}
