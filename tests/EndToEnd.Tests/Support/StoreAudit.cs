using System.Security.Cryptography;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;

namespace GoWatch.EndToEnd.Tests.Support;

/// <summary>
/// Reads the whole log (through the running daemon, or directly when it is down) and checks the
/// store's invariants: unique ids, gap-free positions and stream versions, no file event that
/// repeats the state before it, and the current content of each given file recorded last.
/// </summary>
public static class StoreAudit
{
    /// <summary>Every event, oldest first, from the daemon's socket.</summary>
    public static IReadOnlyList<EventEnvelope> ThroughDaemon(GoWatchHarness h) =>
        new SocketClient(h.SocketPath).TryQuery(new EventQuery { Ascending = true }) ?? throw new InvalidOperationException("gowatchd does not answer on " + h.SocketPath);

    /// <summary>Every event, oldest first, read from the store file with the daemon down.</summary>
    public static IReadOnlyList<EventEnvelope> Directly(GoWatchHarness h)
    {
        using var store = LiteDbEventStore.Open(Path.Combine(h.DataDir, "events.db"), Path.Combine(h.DataDir, "gowatch.lock"));
        return store.Query(new EventQuery { Ascending = true });
    }

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>What a file event says the file holds afterwards: a hash, "absent" or "unreadable".</summary>
    public static string? StateAfter(IEvent data) => data switch
    {
        FileObserved o => o.Sha256,
        FileCreated c => c.AfterSha256,
        FileChanged c => c.AfterSha256,
        FileDeleted => "absent",
        FileUnreadable => "unreadable",
        FileReverted r => r.ToSha256 ?? "absent",
        _ => null,
    };

    public static void AssertConsistent(IReadOnlyList<EventEnvelope> events, string context = "")
    {
        var duplicates = events.GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"duplicate event ids {string.Join(", ", duplicates)} {context}");
        var positions = events.Select(e => e.Position).ToList();
        Assert.True(positions.SequenceEqual(Enumerable.Range(1, events.Count).Select(i => (long)i)),
            $"positions are not 1..{events.Count}: {Describe(positions)} {context}");
        foreach (var stream in events.GroupBy(e => e.Stream))
        {
            var versions = stream.Select(e => e.Version).ToList();
            Assert.True(versions.SequenceEqual(Enumerable.Range(1, versions.Count).Select(i => (long)i)),
                $"versions of {stream.Key} are not 1..{versions.Count}: {Describe(versions)} {context}");
            if (stream.Key.StartsWith("file:", StringComparison.Ordinal))
            {
                var states = stream.Where(e => StateAfter(e.Data) is not null).ToList();
                foreach (var (before, after) in states.Zip(states.Skip(1)))
                {
                    Assert.True(StateAfter(before.Data) != StateAfter(after.Data),
                        $"{stream.Key}: #{after.Position} {after.Type} records the same state ({StateAfter(after.Data)}) as #{before.Position} {before.Type} {context}");
                }
            }
        }
    }

    /// <summary>The last file event of each path's stream records what the path holds now.</summary>
    public static void AssertFinalContentRecorded(IReadOnlyList<EventEnvelope> events, IEnumerable<string> paths, string context = "")
    {
        foreach (var path in paths)
        {
            var last = events.LastOrDefault(e => e.Stream == Streams.File(path) && StateAfter(e.Data) is not null);
            var now = File.Exists(path) ? Sha256(path) : "absent";
            Assert.True(last is not null && StateAfter(last.Data) == now,
                $"{path} holds {now} but its last event is {(last is null ? "none" : $"#{last.Position} {last.Type} {StateAfter(last.Data)}")} {context}");
        }
    }

    private static string Describe(IReadOnlyList<long> numbers) =>
        numbers.Count <= 20 ? string.Join(",", numbers) : string.Join(",", numbers.Take(10)) + ",…," + string.Join(",", numbers.TakeLast(10));
}
