using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Events.Tests.Support;

namespace GoWatch.Events.Tests.Store;

/// <summary>What the LiteDB adapter guarantees about its files: one opener, private modes, damaged files refused and left alone.</summary>
public sealed class LiteDbStoreFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string StorePath => _dir.Combine("data", "events.db");
    private string LockPath => _dir.Combine("data", "gowatch.lock");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_second_opener_gets_a_clear_error_while_the_first_holds_the_store()
    {
        using var first = LiteDbEventStore.Open(StorePath, LockPath);

        var ex = Assert.Throws<StoreLockedException>(() => LiteDbEventStore.Open(StorePath, LockPath));

        Assert.Contains("in use by another process", ex.Message);
    }

    [Fact]
    public void The_refusal_names_the_holder_by_pid()
    {
        using var first = LiteDbEventStore.Open(StorePath, LockPath);

        var ex = Assert.Throws<StoreLockedException>(() => LiteDbEventStore.Open(StorePath, LockPath));

        Assert.StartsWith($"pid {Environment.ProcessId}: ", ex.Holder);
    }

    [Fact]
    public void Deleting_the_lock_file_does_not_let_a_second_writer_in()
    {
        using var first = LiteDbEventStore.Open(StorePath, LockPath);
        File.Delete(LockPath);

        Assert.Throws<StoreLockedException>(() => LiteDbEventStore.Open(StorePath, LockPath));
    }

    [Fact]
    public void An_opener_with_patience_gets_the_store_once_the_holder_lets_go()
    {
        var first = LiteDbEventStore.Open(StorePath, LockPath);
        var release = Task.Run(async () =>
        {
            await Task.Delay(300);
            first.Dispose();
        });

        using var second = LiteDbEventStore.Open(StorePath, LockPath, lockPatience: TimeSpan.FromSeconds(10));

        Assert.True(release.IsCompleted);
    }

    [Fact]
    public void The_store_can_be_opened_again_once_the_first_opener_closed_it()
    {
        LiteDbEventStore.Open(StorePath, LockPath).Dispose();

        using var second = LiteDbEventStore.Open(StorePath, LockPath);

        Assert.Equal(0, second.Count);
    }

    [Fact]
    public void A_store_from_an_earlier_layout_loses_its_check_id_and_path_indexes_and_keeps_its_history()
    {
        using (var store = LiteDbEventStore.Open(StorePath, LockPath))
        {
            store.Append(new AppendRequest("file:/home/u/.zshrc", ExpectedVersion.Any, [Make.Created("/home/u/.zshrc")]));
            store.Append(new AppendRequest("check:path.broken", ExpectedVersion.Any, [new NewEvent(new GoWatch.Events.Model.DriftDetected("path.broken", "error", "PATH broken", null), GoWatch.Events.EventSources.Daemon)]));
            store.Append(new AppendRequest("file:/home/u/.zshrc", ExpectedVersion.Any, [Make.Changed("/home/u/.zshrc")]));
        }
        using (var raw = new LiteDB.LiteDatabase(StorePath))
        {
            var events = raw.GetCollection("events");
            // The earlier layout: every path event carried a "path NUL position" key, indexed.
            foreach (var doc in events.Find("path != null").ToList())
            {
                doc["pp"] = doc["path"].AsString + "\0" + doc["_id"].AsInt64.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
                events.Update(doc);
            }
            events.EnsureIndex("checkId");
            events.EnsureIndex("pp");
        }

        using (var reopened = LiteDbEventStore.Open(StorePath, LockPath))
        {
            Assert.Equal("DriftDetected", Assert.Single(reopened.Query(new EventQuery { CheckId = "path.broken" })).Type);
            Assert.Equal([3L, 1], reopened.Query(new EventQuery { Path = "/home/u/.zshrc" }).Select(e => e.Position));
        }
        using var check = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = StorePath, ReadOnly = true });
        var indexes = check.GetCollection("$indexes").Find("collection = 'events'").Select(d => d["name"].AsString).ToList();
        Assert.DoesNotContain("checkId", indexes);
        Assert.DoesNotContain("pp", indexes);
    }

    [Fact]
    public void Every_append_is_synced_to_disk_before_it_returns()
    {
        using var store = LiteDbEventStore.Open(StorePath, LockPath);

        store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Created("/a")]));
        var afterFirst = store.DurableSyncs;
        store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Changed("/a")]));

        Assert.Equal(1, afterFirst);
        Assert.Equal(2, store.DurableSyncs);
    }

    [Fact]
    public void The_data_dir_is_private_and_the_store_and_lock_are_readable_by_the_owner_alone()
    {
        using (var store = LiteDbEventStore.Open(StorePath, LockPath))
        {
            store.Append(new AppendRequest("daemon", ExpectedVersion.Any, [Make.Started()]));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_dir.Combine("data")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StorePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(LockPath));
    }

    [Fact]
    public void A_corrupt_store_is_refused_with_an_explanation_and_left_untouched()
    {
        Directory.CreateDirectory(_dir.Combine("data"));
        var garbage = new byte[32 * 1024];
        new Random(42).NextBytes(garbage);
        File.WriteAllBytes(StorePath, garbage);

        var ex = Assert.Throws<StoreUnavailableException>(() => LiteDbEventStore.Open(StorePath, LockPath));

        Assert.Contains("left untouched", ex.Message);
        Assert.Equal(garbage, File.ReadAllBytes(StorePath));
        // The lock is released, so a repaired store can be opened by the next attempt.
        using var relock = StoreLock.Acquire(LockPath);
    }

    [Fact]
    public void A_truncated_store_is_refused_and_left_untouched()
    {
        using (var store = LiteDbEventStore.Open(StorePath, LockPath))
        {
            for (var i = 0; i < 50; i++)
            {
                store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Changed("/a", i.ToString(), (i + 1).ToString())]));
            }
        }
        var bytes = File.ReadAllBytes(StorePath);
        var truncated = bytes[..(bytes.Length / 2 - 1000)];
        File.WriteAllBytes(StorePath, truncated);

        var ex = Record.Exception(() =>
        {
            using var store = LiteDbEventStore.Open(StorePath, LockPath);
            _ = store.Query(EventQuery.All);
        });

        Assert.IsType<StoreUnavailableException>(ex);
        Assert.Equal(truncated, File.ReadAllBytes(StorePath));
    }
}
