using System.Text.Json;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Tests.Support;

namespace GoWatch.Events.Tests.Store;

/// <summary>
/// What every event store adapter must guarantee. An adapter's test class is one line:
/// it says how to open the store.
/// </summary>
public abstract class EventStoreContract : IDisposable
{
    protected readonly TempDirectory Dir = new();
    protected readonly SteppableClock Clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private IEventStore? _store;

    protected IEventStore Store => _store ??= Open();

    protected abstract IEventStore Open();

    protected IEventStore Reopen()
    {
        _store?.Dispose();
        _store = Open();
        return _store;
    }

    public void Dispose()
    {
        _store?.Dispose();
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Positions_are_strictly_increasing_and_gap_free_across_streams()
    {
        Store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Created("/a")]));
        Store.Append(new AppendRequest("file:/b", ExpectedVersion.Any, [Make.Created("/b"), Make.Changed("/b")]));
        Store.Append(new AppendRequest("daemon", ExpectedVersion.Any, [Make.Started()]));

        var positions = Store.Query(new EventQuery { Ascending = true }).Select(e => e.Position).ToList();

        Assert.Equal([1L, 2, 3, 4], positions);
        Assert.Equal(4, Store.LastPosition);
        Assert.Equal(4, Store.Count);
    }

    [Fact]
    public void Versions_count_per_stream_from_one()
    {
        Store.Append(new AppendRequest("file:/a", ExpectedVersion.NoStream, [Make.Created("/a")]));
        Store.Append(new AppendRequest("file:/b", ExpectedVersion.NoStream, [Make.Created("/b")]));
        Store.Append(new AppendRequest("file:/a", 1, [Make.Changed("/a"), Make.Changed("/a")]));

        Assert.Equal([1L, 2, 3], Store.ReadStream("file:/a").Select(e => e.Version));
        Assert.Equal(3, Store.StreamVersion("file:/a"));
        Assert.Equal(1, Store.StreamVersion("file:/b"));
        Assert.Equal(0, Store.StreamVersion("file:/none"));
    }

    [Fact]
    public void An_append_with_a_stale_expected_version_fails_and_writes_nothing()
    {
        Store.Append(new AppendRequest("file:/a", ExpectedVersion.NoStream, [Make.Created("/a")]));
        Store.Append(new AppendRequest("file:/a", 1, [Make.Changed("/a")]));

        var ex = Assert.Throws<WrongExpectedVersionException>(() =>
            Store.Append(new AppendRequest("file:/a", 1, [Make.Changed("/a", "b", "c")])));

        Assert.Equal(2, ex.Actual);
        Assert.Equal(2, Store.Count);
        Assert.Equal(2, Store.LastPosition);
        var next = Store.Append(new AppendRequest("daemon", ExpectedVersion.Any, [Make.Started()]));
        Assert.Equal(3, next.Events[0].Position);
    }

    [Fact]
    public void Appending_the_same_event_id_twice_stores_it_once()
    {
        var e = Make.Changed("/a");
        var first = Store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [e]));
        var second = Store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [e]));

        Assert.Equal(1, Store.Count);
        Assert.Equal(first.Events[0].Position, second.Events[0].Position);
        Assert.Equal(1, Store.StreamVersion("file:/a"));
    }

    [Fact]
    public void A_batch_retrying_a_stored_event_among_new_ones_stores_only_the_new_ones()
    {
        var retried = Make.Changed("/a");
        var stored = Store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [retried]));

        var results = Store.AppendMany(
        [
            new AppendRequest("file:/b", ExpectedVersion.Any, [Make.Created("/b")]),
            new AppendRequest("file:/a", ExpectedVersion.Any, [retried]),
            new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Changed("/a", "b", "c")]),
        ]);

        Assert.Equal(stored.Events[0].Position, results[1].Events[0].Position);
        Assert.Equal([2L, 3], new[] { results[0], results[2] }.Select(r => r.Events[0].Position));
        Assert.Equal(3, Store.Count);
        Assert.Equal(2, Store.StreamVersion("file:/a"));
        Assert.Equal([1L, 3], Store.ReadStream("file:/a").Select(e => e.Position));
    }

    [Fact]
    public void The_same_new_event_twice_in_one_batch_is_stored_once()
    {
        var twice = Make.Created("/a");

        var results = Store.AppendMany(
        [
            new AppendRequest("file:/a", ExpectedVersion.Any, [twice]),
            new AppendRequest("file:/a", ExpectedVersion.Any, [twice]),
        ]);

        Assert.Equal(1, Store.Count);
        Assert.Equal(results[0].Events[0].Position, results[1].Events[0].Position);
    }

    [Fact]
    public void A_batch_over_several_streams_is_all_or_nothing()
    {
        Store.Append(new AppendRequest("file:/b", ExpectedVersion.NoStream, [Make.Created("/b")]));

        Assert.Throws<WrongExpectedVersionException>(() => Store.AppendMany(
        [
            new AppendRequest("file:/a", ExpectedVersion.NoStream, [Make.Created("/a")]),
            new AppendRequest("file:/b", ExpectedVersion.NoStream, [Make.Created("/b")]),
        ]));

        Assert.Equal(1, Store.Count);
        Assert.Equal(0, Store.StreamVersion("file:/a"));
        Assert.Empty(Store.ReadStream("file:/a"));
    }

    [Fact]
    public void History_is_newest_first_and_filters_compose()
    {
        Store.Append(new AppendRequest("file:/home/u/.zshrc", ExpectedVersion.Any, [Make.Created("/home/u/.zshrc")]));
        Clock.Advance(TimeSpan.FromDays(2));
        Store.Append(new AppendRequest("file:/home/u/.zshrc", ExpectedVersion.Any, [Make.Changed("/home/u/.zshrc")]));
        Store.Append(new AppendRequest("file:/home/u/.bashrc", ExpectedVersion.Any, [Make.Changed("/home/u/.bashrc")]));
        Store.Append(new AppendRequest("daemon", ExpectedVersion.Any, [Make.Started()]));

        var newest = Store.Query(new EventQuery { Limit = 2 });
        var zshrcRecent = Store.Query(new EventQuery { Path = "/home/u/.zshrc", Since = Clock.GetUtcNow().AddDays(-1) });
        var changes = Store.Query(new EventQuery { Types = ["FileChanged"] });
        var zshrcCreated = Store.Query(new EventQuery { Path = "/home/u/.zshrc", Types = ["FileCreated"] });

        Assert.Equal([4L, 3], newest.Select(e => e.Position));
        Assert.Equal([2L], zshrcRecent.Select(e => e.Position));
        Assert.Equal([3L, 2], changes.Select(e => e.Position));
        Assert.Equal([1L], zshrcCreated.Select(e => e.Position));
        Assert.Equal("/home/u/.zshrc", zshrcCreated[0].Path);
    }

    [Fact]
    public void A_path_query_merges_the_paths_file_and_installation_streams_in_position_order()
    {
        const string go = "/usr/local/go";
        var fingerprint = new InstallationFingerprint(true, "directory", null, "go1.23.4", "arm64", null);
        Store.Append(new AppendRequest(Streams.Install(go), ExpectedVersion.Any, [new NewEvent(new InstallationObserved(go, fingerprint), EventSources.Daemon)]));
        Store.Append(new AppendRequest(Streams.File(go), ExpectedVersion.Any, [Make.Created(go)]));
        Store.Append(new AppendRequest(Streams.File(go + "#old"), ExpectedVersion.Any, [Make.Created(go + "#old")]));
        Store.Append(new AppendRequest(Streams.Install(go), ExpectedVersion.Any, [new NewEvent(new InstallationChanged(go, fingerprint, fingerprint with { Version = "go1.24.0" }), EventSources.Daemon)]));
        Store.Append(new AppendRequest(Streams.File(go), ExpectedVersion.Any, [Make.Changed(go)]));

        Assert.Equal([5L, 4, 2, 1], Store.Query(new EventQuery { Path = go }).Select(e => e.Position));
        Assert.Equal([1L, 2, 4, 5], Store.Query(new EventQuery { Path = go, Ascending = true }).Select(e => e.Position));
        Assert.Equal([5L, 4], Store.Query(new EventQuery { Path = go, Limit = 2 }).Select(e => e.Position));
        Assert.Equal([4L], Store.Query(new EventQuery { Path = go, Types = ["InstallationChanged"] }).Select(e => e.Position));
        Assert.Equal([3L], Store.Query(new EventQuery { Path = go + "#old" }).Select(e => e.Position));
    }

    [Fact]
    public void Positions_order_history_even_when_the_clock_moves_backwards()
    {
        Store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Created("/a")]));
        Clock.Now = Clock.Now.AddHours(-3);
        Store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Changed("/a")]));

        var history = Store.Query(EventQuery.All);

        Assert.Equal([2L, 1], history.Select(e => e.Position));
        Assert.True(history[0].Time < history[1].Time);
    }

    [Fact]
    public void Query_by_check_id_finds_drift_events()
    {
        Store.Append(new AppendRequest("check:path.broken", ExpectedVersion.Any, [new NewEvent(new DriftDetected("path.broken", "error", "PATH broken", 7), EventSources.Daemon)]));
        Store.Append(new AppendRequest("check:modules.off", ExpectedVersion.Any, [new NewEvent(new DriftDetected("modules.off", "error", "GOPATH mode", null), EventSources.Daemon)]));
        Store.Append(new AppendRequest("check:path.broken", ExpectedVersion.Any, [new NewEvent(new DriftResolved("path.broken", 9), EventSources.Daemon)]));

        var story = Store.Query(new EventQuery { CheckId = "path.broken" });

        Assert.Equal(["DriftResolved", "DriftDetected"], story.Select(e => e.Type));
        Assert.Equal(7, Assert.IsType<DriftDetected>(story[1].Data).CausedBy);
    }

    [Fact]
    public void An_event_of_a_type_this_version_does_not_know_is_read_back_as_unknown()
    {
        var raw = JsonDocument.Parse("""{"path":"/x","fancy":[1,2]}""").RootElement.Clone();
        Store.Append(new AppendRequest("future", ExpectedVersion.Any, [new NewEvent(new UnknownEvent("FutureThing", raw), EventSources.Daemon)]));

        var read = Assert.Single(Store.Query(EventQuery.All));

        Assert.Equal("FutureThing", read.Type);
        var unknown = Assert.IsType<UnknownEvent>(read.Data);
        Assert.Equal(2, unknown.Data.GetProperty("fancy").GetArrayLength());
    }

    [Fact]
    public void Blobs_are_kept_once_per_sha256_and_read_back_exactly()
    {
        var content = "export PATH=/usr/local/go/bin:$PATH\n"u8.ToArray();

        var sha1 = Store.Put(content);
        var sha2 = Store.Put(content);

        Assert.Equal(sha1, sha2);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), sha1);
        Assert.Equal(content, Store.Get(sha1));
        Assert.True(Store.Contains(sha1));
        Assert.Null(Store.Get(new string('0', 64)));
    }

    [Fact]
    public void Subscribers_see_every_append_in_position_order()
    {
        var seen = new List<long>();
        Store.Appended += batch => seen.AddRange(batch.Select(e => e.Position));

        Store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Created("/a"), Make.Changed("/a")]));
        Store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Changed("/a")]));

        Assert.Equal([1L, 2, 3], seen);
    }

    [Fact]
    public void A_subscriber_may_append_and_its_append_is_delivered_after_the_batch_it_handles()
    {
        var seen = new List<long>();
        Store.Appended += batch =>
        {
            seen.AddRange(batch.Select(e => e.Position));
            if (batch[0].Data is FileCreated)
            {
                Store.Append(new AppendRequest("daemon", ExpectedVersion.Any, [Make.Started()]));
            }
        };

        Store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Created("/a")]));

        Assert.Equal([1L, 2], seen);
    }

    [Fact]
    public async Task Subscribers_hear_about_an_append_after_the_write_lock_is_released()
    {
        Task? other = null;
        var otherCommittedWhileHandling = false;
        Store.Appended += batch =>
        {
            if (batch[0].Data is not FileCreated)
            {
                return;
            }
            // Another writer must be able to commit while this handler still runs.
            other = Task.Run(() => Store.Append(new AppendRequest("file:/b", ExpectedVersion.Any, [Make.Changed("/b")])));
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Store.LastPosition < 2 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(5);
            }
            otherCommittedWhileHandling = Store.LastPosition == 2;
        };

        Store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Created("/a")]));

        Assert.True(otherCommittedWhileHandling);
        await other!.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Positions_continue_after_reopening_and_are_never_reused()
    {
        Store.Append(new AppendRequest("file:/a", ExpectedVersion.Any, [Make.Created("/a"), Make.Changed("/a")]));

        var reopened = Reopen();
        var next = reopened.Append(new AppendRequest("file:/a", 2, [Make.Changed("/a")]));

        Assert.Equal(3, next.Events[0].Position);
        Assert.Equal(3, next.Events[0].Version);
        Assert.Equal(3, reopened.Count);
    }
}
