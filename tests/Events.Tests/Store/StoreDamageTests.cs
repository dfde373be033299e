using System.Security.Cryptography;
using System.Text;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Events.Tests.Support;

namespace GoWatch.Events.Tests.Store;

/// <summary>A page overwritten in the middle of the store: found at open, refused, recovered from, and never written.</summary>
public sealed class StoreDamageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string StorePath => _dir.Combine("data", "events.db");
    private string LockPath => _dir.Combine("data", "gowatch.lock");

    public void Dispose() => _dir.Dispose();

    /// <summary>Enough events and snapshots to fill many pages; returns the recorded events.</summary>
    private IReadOnlyList<EventEnvelope> GivenAStoreOfSeveralPages()
    {
        using var store = LiteDbEventStore.Open(StorePath, LockPath);
        var random = new Random(11);
        string? before = null;
        for (var i = 0; i < 120; i++)
        {
            var content = new byte[700];
            random.NextBytes(content);
            var sha = store.Put(Encoding.ASCII.GetBytes(Convert.ToBase64String(content)));
            store.Append(new AppendRequest(Streams.File($"/home/u/.rc{i % 7}"), ExpectedVersion.Any,
                [new NewEvent(new FileChanged($"/home/u/.rc{i % 7}", before, sha, 1, 0, 700, true, "shell"), EventSources.Daemon)]));
            before = sha;
        }
        return store.Query(new EventQuery { Ascending = true });
    }

    private void Damage(long offset, int length)
    {
        var garbage = new byte[length];
        new Random(7).NextBytes(garbage);
        using var f = new FileStream(StorePath, FileMode.Open, FileAccess.Write);
        f.Position = offset;
        f.Write(garbage);
    }

    private string Sha() => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(StorePath)));

    [Fact]
    public void A_store_whose_middle_page_was_overwritten_is_refused_at_open_with_one_line_and_left_byte_identical()
    {
        GivenAStoreOfSeveralPages();
        Damage(new FileInfo(StorePath).Length / 2 + 1000, 8192);
        var sha = Sha();

        var ex = Assert.Throws<StoreUnavailableException>(() => LiteDbEventStore.Open(StorePath, LockPath));

        Assert.Contains("is damaged", ex.Message);
        Assert.Contains("left untouched", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Equal(sha, Sha());
        Assert.NotEmpty(StoreIntegrity.Scan(StorePath));
    }

    [Fact]
    public void A_store_damaged_after_a_clean_scan_is_refused_at_the_next_open()
    {
        GivenAStoreOfSeveralPages();
        LiteDbEventStore.Open(StorePath, LockPath).Dispose();
        Assert.True(File.Exists(StoreIntegrity.StampPath(StorePath)));

        Damage(new FileInfo(StorePath).Length / 2 + 1000, 8192);

        Assert.Throws<StoreUnavailableException>(() => LiteDbEventStore.Open(StorePath, LockPath));
    }

    [Fact]
    public void A_store_unchanged_since_its_last_clean_scan_is_not_read_whole_again()
    {
        GivenAStoreOfSeveralPages();
        LiteDbEventStore.Open(StorePath, LockPath).Dispose();
        var stamped = File.GetLastWriteTimeUtc(StorePath);

        // Bytes only a scan would see, with the modification time put back as if nothing was written
        Damage(new FileInfo(StorePath).Length / 2 + 1000, 8192);
        File.SetLastWriteTimeUtc(StorePath, stamped);

        using var store = LiteDbEventStore.Open(StorePath, LockPath);
        Assert.NotEmpty(StoreIntegrity.Scan(StorePath));
    }

    [Fact]
    public void A_sound_store_passes_the_page_scan()
    {
        GivenAStoreOfSeveralPages();

        Assert.Empty(StoreIntegrity.Scan(StorePath));
    }

    [Fact]
    public void Recovery_of_a_sound_store_copies_every_event_with_its_position_and_snapshots()
    {
        var events = GivenAStoreOfSeveralPages();
        var target = _dir.Combine("recovered");

        var result = StoreRecovery.Recover(StorePath, target);

        Assert.Equal(events.Count, result.Events);
        Assert.Empty(result.MissingPositions);
        Assert.Equal(0, result.MissingSnapshots);
        using var recovered = LiteDbEventStore.Open(result.Target, Path.Combine(target, "gowatch.lock"));
        var copied = recovered.Query(new EventQuery { Ascending = true });
        Assert.Equal(events.Select(e => (e.Position, e.Id, e.Stream, e.Version, e.Type)), copied.Select(e => (e.Position, e.Id, e.Stream, e.Version, e.Type)));
        var last = (FileChanged)copied[^1].Data;
        Assert.NotNull(recovered.Get(last.AfterSha256!));
    }

    [Fact]
    public void Recovery_of_a_damaged_store_copies_every_readable_event_in_order_and_leaves_the_damaged_file_byte_identical()
    {
        var events = GivenAStoreOfSeveralPages();
        Damage(new FileInfo(StorePath).Length / 2 + 1000, 8192);
        var sha = Sha();
        var target = _dir.Combine("recovered");

        var result = StoreRecovery.Recover(StorePath, target);

        Assert.Equal(sha, Sha());
        // Something on the overwritten page is lost, and the result says what.
        Assert.True(result.Events > 0 && (result.Events < events.Count || result.MissingSnapshots > 0), $"{result.Events} of {events.Count}, {result.MissingSnapshots} snapshots missing");
        Assert.Equal(events.Count - result.Events, result.MissingPositions.Count);
        using var recovered = LiteDbEventStore.Open(result.Target, Path.Combine(target, "gowatch.lock"));
        var copied = recovered.Query(new EventQuery { Ascending = true });
        Assert.Equal(copied.Select(e => e.Position).Order(), copied.Select(e => e.Position));
        foreach (var e in copied)
        {
            var original = events.Single(o => o.Position == e.Position);
            Assert.Equal((original.Id, original.Stream, original.Version, original.Data), (e.Id, e.Stream, e.Version, e.Data));
        }
        // The new store takes appends after the highest recovered position.
        var appended = recovered.Append(new AppendRequest(Streams.Daemon, ExpectedVersion.Any, [Make.Started()])).Events[0];
        Assert.Equal(copied[^1].Position + 1, appended.Position);
    }
}
