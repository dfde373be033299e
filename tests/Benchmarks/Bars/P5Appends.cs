using System.Diagnostics;
using GoWatch.Benchmarks.Support;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;

namespace GoWatch.Benchmarks.Bars;

/// <summary>P5: durable appends, one per call (each fsynced before it returns) and in batches of 1,000.</summary>
public sealed class P5Appends : IBar
{
    public string Id => "P5";
    public string Title => "appends";
    public string Target => "≥ 1,000 durable single appends/s; ≥ 20,000/s batched";

    public void Run(BenchContext context, BarResult result)
    {
        var singles = context.Quick ? 500 : 5_000;
        var batches = context.Quick ? 10 : 100;
        const int batchSize = 1000;
        result.Parameters = $"{singles:N0} single `Append` calls (one FileChanged each, 50 streams, expected version checked), then {batches} `AppendMany` calls of {batchSize:N0} requests; fresh store in /tmp on this machine's disk";

        var dir = Directory.CreateTempSubdirectory("gowatch-bench-p5-").FullName;
        try
        {
            using var store = LiteDbEventStore.Open(Path.Combine(dir, "events.db"), Path.Combine(dir, "gowatch.lock"));
            var versions = new long[50];
            var syncsBefore = store.DurableSyncs;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < singles; i++)
            {
                var f = i % 50;
                var appended = store.Append(new AppendRequest(Stream(f), versions[f], [Changed(f, i)]));
                versions[f] = appended.StreamVersion;
            }
            clock.Stop();
            var syncs = store.DurableSyncs - syncsBefore;
            result.AtLeast("durable single appends", singles / clock.Elapsed.TotalSeconds, 1_000, "appends/s");
            result.Add("fsyncs during the single appends", $"{syncs:N0} for {singles:N0} appends; mean {clock.Elapsed.TotalMilliseconds / singles:0.00} ms per append");

            var batchClock = Stopwatch.StartNew();
            var n = singles;
            for (var b = 0; b < batches; b++)
            {
                var requests = new List<AppendRequest>(batchSize);
                for (var i = 0; i < batchSize; i++, n++)
                {
                    requests.Add(new AppendRequest(Stream(n % 50), ExpectedVersion.Any, [Changed(n % 50, n)]));
                }
                store.AppendMany(requests);
            }
            batchClock.Stop();
            result.AtLeast($"batched appends (AppendMany of {batchSize:N0})", batches * batchSize / batchClock.Elapsed.TotalSeconds, 20_000, "events/s");
            result.Add("batch", $"mean {batchClock.Elapsed.TotalMilliseconds / batches:0.0} ms per AppendMany of {batchSize:N0}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Stream(int file) => Streams.File($"/home/bench/.config/fish/conf.d/f{file:D2}.fish");

    private static NewEvent Changed(int file, int i) =>
        new(new FileChanged($"/home/bench/.config/fish/conf.d/f{file:D2}.fish", Convert.ToHexStringLower(BitConverter.GetBytes((long)i - 1)).PadLeft(64, '0'), Convert.ToHexStringLower(BitConverter.GetBytes((long)i)).PadLeft(64, '0'), 1, 1, 4096, true, "shell"), EventSources.Daemon);
}
