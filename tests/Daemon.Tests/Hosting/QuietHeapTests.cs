using GoWatch.Daemon.Hosting;
using GoWatch.Daemon.Tests.Support;

namespace GoWatch.Daemon.Tests.Hosting;

/// <summary>Going quiet gives the heap's free space back: a full, blocking, compacting collection.</summary>
[Collection(HeapMeasuringCollection.Name)]
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
        var held = burst.Sum(b => (long)b.Length);
        var lastFull = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;
        burst.Clear();

        QuietHeap.Release();

        var after = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Assert.True(after.Index > lastFull);
        Assert.True(after.TotalCommittedBytes < held / 2, $"committed {after.TotalCommittedBytes:N0} bytes after the release; the burst held {held:N0}");
    }
}
