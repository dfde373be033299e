using System.Collections.Concurrent;
using System.Text;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Events.Tests.Support;

namespace GoWatch.Events.Tests.Store;

/// <summary>
/// Acknowledged means durable, and appends that arrive together share the sync that makes them
/// so: with a slow disk (a full sync on an Apple SSD) a burst costs about two syncs, not one each.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private const int Burst = 16;

    private readonly TempDirectory _dir = new();
    private readonly HeldDiskSync _disk = new();

    private string StorePath => _dir.Combine("data", "events.db");
    private string LockPath => _dir.Combine("data", "gowatch.lock");

    public void Dispose() => _dir.Dispose();

    private LiteDbEventStore Open()
    {
        var store = LiteDbEventStore.Open(StorePath, LockPath, _disk);
        _disk.NewestCommitted = () => store.LastPosition;
        return store;
    }

    /// <summary>
    /// Starts <see cref="Burst"/> appends on their own threads while the disk holds the first
    /// sync, lets it go once every one of them has committed, and returns what each append
    /// returned with the newest position a finished sync had covered when it returned.
    /// </summary>
    private static List<(long Position, long CoveredWhenAcknowledged)> AppendBurst(LiteDbEventStore store, HeldDiskSync disk)
    {
        var acknowledged = new ConcurrentBag<(long, long)>();
        var failures = new ConcurrentBag<Exception>();
        using var start = new Barrier(Burst);
        disk.HoldSyncs();
        var threads = Enumerable.Range(0, Burst).Select(i => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                var result = store.Append(new AppendRequest($"file:/burst/{i}", ExpectedVersion.NoStream, [Make.Created($"/burst/{i}")]));
                acknowledged.Add((result.Events[0].Position, disk.Covered));
            }
            catch (Exception ex)
            {
                failures.Add(ex);
            }
        })).ToList();
        threads.ForEach(t => t.Start());

        // The disk is busy with the first sync while the rest of the burst commits.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (store.LastPosition < Burst && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(5);
        }
        var committedWhileHeld = store.LastPosition;
        disk.Release();
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.Equal(Burst, committedWhileHeld);
        return acknowledged.ToList();
    }

    [Fact]
    public void A_burst_of_concurrent_appends_shares_syncs_instead_of_paying_one_each()
    {
        using var store = Open();
        var before = store.DurableSyncs;

        var acknowledged = AppendBurst(store, _disk);

        Assert.Equal(Burst, acknowledged.Count);
        Assert.InRange(store.DurableSyncs - before, 1, 2);
    }

    [Fact]
    public void Each_append_of_a_burst_is_acknowledged_only_after_a_sync_that_covered_it()
    {
        using (var store = Open())
        {
            var acknowledged = AppendBurst(store, _disk);

            Assert.All(acknowledged, a => Assert.True(a.CoveredWhenAcknowledged >= a.Position,
                $"position {a.Position} was acknowledged when the disk held positions up to {a.CoveredWhenAcknowledged} only"));
        }

        using var reopened = LiteDbEventStore.Open(StorePath, LockPath);
        Assert.Equal(Burst, reopened.Count);
        Assert.Equal(Enumerable.Range(1, Burst).Select(i => (long)i), reopened.Query(new EventQuery { Ascending = true }).Select(e => e.Position));
        Assert.All(Enumerable.Range(0, Burst), i => Assert.Equal(1, reopened.StreamVersion($"file:/burst/{i}")));
    }

    [Fact]
    public void Subscribers_hear_each_batch_of_a_burst_once_in_position_order_and_only_once_it_is_on_disk()
    {
        using var store = Open();
        var heard = new List<(long Position, long Covered)>();
        store.Appended += batch =>
        {
            lock (heard)
            {
                heard.AddRange(batch.Select(e => (e.Position, _disk.Covered)));
            }
        };

        AppendBurst(store, _disk);

        Assert.Equal(Enumerable.Range(1, Burst).Select(i => (long)i), heard.Select(h => h.Position));
        Assert.All(heard, h => Assert.True(h.Covered >= h.Position, $"position {h.Position} was announced before it was on disk"));
    }

    [Fact]
    public void A_lone_writer_still_waits_for_its_own_sync_on_every_append()
    {
        using var store = Open();

        var first = store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Created("/a")]));
        var coveredAfterFirst = _disk.Covered;
        var second = store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Changed("/a")]));

        Assert.Equal(first.Events[0].Position, coveredAfterFirst);
        Assert.Equal(second.Events[0].Position, _disk.Covered);
        Assert.Equal(2, store.DurableSyncs);
    }

    [Fact]
    public void A_new_snapshot_and_the_event_naming_it_cost_one_sync_and_both_survive_a_reopen()
    {
        var content = Encoding.UTF8.GetBytes("export GOPATH=$HOME/go\n");
        string sha;
        using (var store = Open())
        {
            sha = store.PutBeforeAppend(content);
            store.Append(new AppendRequest("file:/home/u/.zshrc", ExpectedVersion.NoStream, [Make.Created("/home/u/.zshrc", sha)]));

            Assert.Equal(1, store.DurableSyncs);
        }

        using var reopened = LiteDbEventStore.Open(StorePath, LockPath);
        Assert.Equal(content, reopened.Get(sha));
        Assert.Equal(sha, Assert.IsType<FileCreated>(Assert.Single(reopened.ReadStream("file:/home/u/.zshrc")).Data).AfterSha256);
    }

    [Fact]
    public void A_plain_put_is_on_disk_when_it_returns_even_for_content_only_staged_before()
    {
        using var store = Open();
        var content = Encoding.UTF8.GetBytes("backup of ~/.zprofile\n");

        var staged = store.PutBeforeAppend(content);
        var syncsAfterStaging = store.DurableSyncs;
        var put = store.Put(content);

        Assert.Equal(staged, put);
        Assert.Equal(0, syncsAfterStaging);
        Assert.Equal(1, store.DurableSyncs);
    }

    [Fact]
    public void A_failed_sync_fails_the_append_it_covered_announces_nothing_and_the_next_append_succeeds()
    {
        using var store = Open();
        var heard = new List<long>();
        store.Appended += batch => heard.AddRange(batch.Select(e => e.Position));

        _disk.Failing = true;
        var ex = Assert.Throws<StoreUnavailableException>(() => store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Created("/a")])));
        _disk.Failing = false;
        var next = store.Append(new AppendRequest("daemon", ExpectedVersion.Any, [Make.Started()]));

        Assert.Contains("may not survive a crash", ex.Message);
        Assert.Contains("Input/output error", ex.Message);
        Assert.Equal([next.Events[0].Position], heard);
    }
}
