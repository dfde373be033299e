using GoWatch.Daemon.Hosting;

namespace GoWatch.Daemon.Tests.Hosting;

/// <summary>Going quiet gives the heap's free space back: a full, blocking, compacting collection.</summary>
public sealed class QuietHeapTests
{
    [Fact]
    public void Releasing_the_quiet_heap_runs_a_compacting_full_collection()
    {
        var before = GC.CollectionCount(GC.MaxGeneration);

        QuietHeap.Release();

        var last = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > before);
        Assert.Equal(GC.MaxGeneration, last.Generation);
        Assert.True(last.Compacted);
    }

    [Fact]
    public void Garbage_left_by_a_burst_is_no_longer_committed_after_the_release()
    {
        // Large objects go straight to the large object heap, which only a full collection frees.
        var burst = Enumerable.Range(0, 64).Select(_ => new byte[512 * 1024]).ToList();
        burst.ForEach(b => b.AsSpan().Fill(1));
        var committedWithBurst = GC.GetGCMemoryInfo().TotalCommittedBytes;
        burst.Clear();

        QuietHeap.Release();

        Assert.True(GC.GetGCMemoryInfo(GCKind.FullBlocking).TotalCommittedBytes < committedWithBurst - 16 * 1024 * 1024,
            $"committed {GC.GetGCMemoryInfo(GCKind.FullBlocking).TotalCommittedBytes:N0} bytes after the release, {committedWithBurst:N0} with the burst");
    }
}
