using System.Diagnostics;
using GoWatch.Benchmarks.Support;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;

namespace GoWatch.Benchmarks.Bars;

/// <summary>
/// P4: a store of a million events (a year of history), then `gowatch history` as new processes
/// with the daemon down, so the CLI opens the store itself. Where the time goes is measured
/// beside it: the CLI on an empty store (process start, open, nothing to read) and the same
/// queries in-process on the big store.
/// </summary>
public sealed class P4HistoryQueries : IBar
{
    private const double LimitMs = 300;
    private static readonly TimeSpan HistorySpan = TimeSpan.FromDays(365);

    public string Id => "P4";
    public string Title => "1,000,000 events in the store";
    public string Target => "`gowatch history --limit 50` and `history --path P --since 7d` as new processes ≤ 300 ms each";

    public void Run(BenchContext context, BarResult result)
    {
        var events = context.Quick ? 100_000 : 1_000_000;
        var runs = context.Quick ? 3 : 9;
        const int batch = 1000;

        using var sandbox = new Sandbox(context.Apps, "p4");
        var filler = new StoreFiller(sandbox.Home);
        var generation = Stopwatch.StartNew();
        var clock = new SteppingClock(DateTimeOffset.UtcNow - HistorySpan, HistorySpan / events);
        using (var store = LiteDbEventStore.Open(sandbox.StorePath, sandbox.LockPath, clock))
        {
            filler.Fill(store, events, batch, written =>
            {
                if (written % (events / 10) == 0)
                {
                    Console.WriteLine($"P4   … {written:N0} events ({generation.Elapsed.TotalSeconds:0} s)");
                }
            });
        }
        generation.Stop();
        var size = StoreSize(sandbox.StorePath);
        var path = filler.BusiestPath;
        result.Parameters = $"{events:N0} events appended with AppendMany in batches of {batch} over one simulated year (80% FileChanged over 50 paths skewed towards ~/.zshrc, 13% VerificationCompleted, 3% drift, 1% each of FileCreated, NotificationSent, DaemonStarted/Stopped, InstallationChanged); daemon down; each command run once to warm up, then {runs} times; P = ~/.zshrc";
        result.Add("store generated", $"{events:N0} events in {generation.Elapsed.TotalSeconds:0.0} s ({events / generation.Elapsed.TotalSeconds:N0}/s); store {Stats.Bytes(size)}");

        var commands = new (string Label, string[] Args)[]
        {
            ("`gowatch history --limit 50`", ["history", "--limit", "50"]),
            ("`gowatch history --path P --since 7d`", ["history", "--path", path, "--since", "7d"]),
        };
        foreach (var (label, args) in commands)
        {
            var first = sandbox.Cli(args);
            if (first.ExitCode != 0 || first.Stdout.Length == 0)
            {
                throw new InvalidOperationException($"{label} failed:\n{first}");
            }
            var json = sandbox.Cli([.. args, "--json"]);
            var rows = System.Text.Json.JsonDocument.Parse(json.Stdout).RootElement.GetArrayLength();
            var times = Enumerable.Range(0, runs).Select(_ => sandbox.Cli(args).WallMs).ToList();
            result.AtMost($"{label} median", Stats.Median(times), LimitMs, "ms");
            result.Add($"{label}", $"median {Stats.Ms(Stats.Median(times))}, max {Stats.Ms(Stats.Max(times))}, first (warm-up) {Stats.Ms(first.WallMs)}; {rows} events shown");
        }

        // Where the time goes: process start + open on an empty store …
        using (var empty = new Sandbox(context.Apps, "p4-empty"))
        {
            _ = empty.Cli("history", "--limit", "50");
            var times = Enumerable.Range(0, runs).Select(_ => empty.Cli("history", "--limit", "50").WallMs).ToList();
            result.Add("breakdown: the same CLI on an empty store", $"median {Stats.Ms(Stats.Median(times))}, max {Stats.Ms(Stats.Max(times))} (process start, settings, store open, nothing to read)");
        }

        // … and open + query in-process on the big store.
        var queries = new (string Label, EventQuery Query)[]
        {
            ("limit 50", new EventQuery { Limit = 50 }),
            ("path P since 7d", new EventQuery { Path = path, Since = DateTimeOffset.UtcNow - TimeSpan.FromDays(7), Limit = 100 }),
        };
        var openMs = new List<double>();
        var queryMs = queries.ToDictionary(q => q.Label, _ => new List<double>());
        var matches = new Dictionary<string, int>();
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var store = LiteDbEventStore.Open(sandbox.StorePath, sandbox.LockPath);
            openMs.Add(Stats.ElapsedMs(start, Stopwatch.GetTimestamp()));
            foreach (var (label, query) in queries)
            {
                var q0 = Stopwatch.GetTimestamp();
                matches[label] = store.Query(query).Count;
                queryMs[label].Add(Stats.ElapsedMs(q0, Stopwatch.GetTimestamp()));
            }
        }
        result.Add("breakdown: LiteDbEventStore.Open in-process (1M store)", $"median {Stats.Ms(Stats.Median(openMs))}, max {Stats.Ms(Stats.Max(openMs))}");
        foreach (var (label, _) in queries)
        {
            result.Add($"breakdown: Query({label}) in-process", $"median {Stats.Ms(Stats.Median(queryMs[label]))}, max {Stats.Ms(Stats.Max(queryMs[label]))}; {matches[label]} events");
        }
    }

    public static long StoreSize(string storePath)
    {
        var dir = Path.GetDirectoryName(storePath)!;
        return Directory.EnumerateFiles(dir, Path.GetFileNameWithoutExtension(storePath) + "*").Sum(f => new FileInfo(f).Length);
    }
}
