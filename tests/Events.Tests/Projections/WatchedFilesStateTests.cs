using GoWatch.Events.Model;
using GoWatch.Events.Projections;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Events.Tests.Support;

namespace GoWatch.Events.Tests.Projections;

public sealed class WatchedFilesStateTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Current_hashes_are_a_fold_over_the_log_and_rebuild_identically_after_reopening()
    {
        var storePath = _dir.Combine("events.db");
        var lockPath = _dir.Combine("gowatch.lock");
        WatchedFilesState live;
        using (var store = LiteDbEventStore.Open(storePath, lockPath))
        {
            live = WatchedFilesState.Empty;
            store.Appended += batch => live = batch.Aggregate(live, (s, e) => s.When(e));
            store.Append(new AppendRequest("file:/z", ExpectedVersion.Any, [Make.Created("/z", "h1")]));
            store.Append(new AppendRequest("file:/z", ExpectedVersion.Any, [Make.Changed("/z", "h1", "h2")]));
            store.Append(new AppendRequest("file:/p", ExpectedVersion.Any, [Make.Created("/p", "h3"), Make.Deleted("/p")]));
            store.Append(new AppendRequest("file:/u", ExpectedVersion.Any, [new NewEvent(new FileUnreadable("/u", "permission denied", "shell"), EventSources.Daemon)]));
        }

        using var reopened = LiteDbEventStore.Open(storePath, lockPath);
        var rebuilt = WatchedFilesState.Fold(reopened.Query(new EventQuery { Ascending = true }));

        Assert.Equal(new FileSnapshot(FileStatus.Present, "h2", 2, Version: 2), rebuilt["/z"]);
        Assert.Equal(FileStatus.Absent, rebuilt["/p"]!.Status);
        Assert.Equal(FileStatus.Unreadable, rebuilt["/u"]!.Status);
        Assert.Null(rebuilt["/never"]);
        Assert.Equal(live.Files.OrderBy(kv => kv.Key), rebuilt.Files.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void A_revert_that_removes_a_created_file_folds_to_absent()
    {
        var state = WatchedFilesState.Empty
            .When(Envelope(1, new FileCreated("/f", "h1", 3, true, "shell")))
            .When(Envelope(2, new FileReverted("/f", 1, null, "h1")));

        Assert.Equal(new FileSnapshot(FileStatus.Absent, null, 2, Version: 2), state["/f"]);
    }

    private static EventEnvelope Envelope(long position, IEvent data) =>
        new(position, "file:/f", position, "x", 1, Guid.NewGuid(), DateTimeOffset.UnixEpoch, null, null, EventSources.Daemon, data);
}
