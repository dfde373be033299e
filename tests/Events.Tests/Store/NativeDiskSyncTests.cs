using GoWatch.Events.Store.LiteDb;
using GoWatch.Events.Tests.Support;

namespace GoWatch.Events.Tests.Store;

/// <summary>The real sync calls behind the seam, on this machine's file system.</summary>
public sealed class NativeDiskSyncTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_full_sync_falls_back_to_fsync_where_the_system_refuses_it()
    {
        // Linux knows no F_FULLFSYNC and answers EINVAL, as a Mac file system without one
        // (SMB, FAT) answers ENOTSUP: the data is still synced, with fsync.
        var file = _dir.Combine("log.db");
        File.WriteAllBytes(file, new byte[8192]);
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read);

        var ex = Record.Exception(() => new NativeDiskSync(fullSync: true).Sync(handle));

        Assert.Null(ex);
    }

    [Fact]
    public void A_closed_handle_is_refused_rather_than_syncing_whatever_reuses_its_number()
    {
        var file = _dir.Combine("log.db");
        File.WriteAllBytes(file, new byte[8192]);
        var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read);
        handle.Dispose();

        Assert.Throws<ObjectDisposedException>(() => NativeDiskSync.ForThisSystem().Sync(handle));
    }
}
