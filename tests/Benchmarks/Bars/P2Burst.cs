using System.Diagnostics;
using GoWatch.Benchmarks.Support;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;

namespace GoWatch.Benchmarks.Bars;

/// <summary>
/// P2: a burst of writes over 50 watched fish conf.d files (in the catalogue by pattern). After
/// it settles, every file's final content must be the last recorded state of its stream, no two
/// consecutive events of a stream may carry the same content, and the daemon's peak RSS stays low.
/// </summary>
public sealed class P2Burst : IBar
{
    private const int Files = 50;
    private const double PeakRssLimitMb = 64;

    public string Id => "P2";
    public string Title => "burst: 10,000 writes over 50 watched files in 2 s";
    public string Target => "the settled content of every file recorded, no duplicates; daemon peak RSS ≤ 64 MB";

    public void Run(BenchContext context, BarResult result)
    {
        var writes = context.Quick ? 2_000 : 10_000;
        var window = TimeSpan.FromSeconds(2);
        var variants = context.DaemonVariants;
        result.Parameters = $"{writes:N0} writes (File.WriteAllText: truncate, write, close) round-robin over {Files} files ~/.config/fish/conf.d/bench-NN.fish, paced evenly over {window.TotalSeconds:0} s; settled = the last event of every stream carries the file's sha256; then 3 s of quiet checked; once for each way of running gowatchd ({string.Join("; ", variants.Variants.Select(v => v.Launcher.Label))})";
        foreach (var problem in variants.Problems)
        {
            result.Note(problem);
        }
        foreach (var variant in variants.Variants)
        {
            Burst(context, result, variant, writes, window);
        }
    }

    private static void Burst(BenchContext context, BarResult result, DaemonVariant variant, int writes, TimeSpan window)
    {
        Console.WriteLine($"P2      burst: {variant.Launcher.Label} …");
        var v = variant.Name;
        using var sandbox = new Sandbox(context, "p2");
        sandbox.WriteTypicalSetup();
        var paths = Enumerable.Range(0, Files).Select(i => sandbox.WriteHome($".config/fish/conf.d/bench-{i:D2}.fish", Content(i, 0))).ToArray();
        using var daemon = sandbox.StartDaemon(variant.Launcher);
        Thread.Sleep(2000);
        var socket = sandbox.Socket;
        var before = socket.Query(new EventQuery { Limit = 1 }).FirstOrDefault()?.Position ?? 0;
        var cpuBefore = daemon.CpuSeconds;
        var rssBefore = daemon.PeakRss;

        long maxRss = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                maxRss = Math.Max(maxRss, daemon.Rss);
                await Task.Delay(50).ConfigureAwait(false);
            }
        });

        // The burst: write i is due at i × window / writes.
        var final = new string[Files];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < writes; i++)
        {
            var due = window * i / writes;
            while (clock.Elapsed < due)
            {
                if (due - clock.Elapsed > TimeSpan.FromMilliseconds(2))
                {
                    Thread.Sleep(1);
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }
            var file = i % Files;
            final[file] = Content(file, i + 1);
            File.WriteAllText(paths[file], final[file]);
        }
        var burst = clock.Elapsed;
        var finalSha = final.Select(Hashing.Sha256).ToArray();

        // Settling: every stream's last event names the file's final content.
        var settle = Stopwatch.StartNew();
        var settled = 0;
        while (settle.Elapsed < TimeSpan.FromSeconds(60))
        {
            settled = Enumerable.Range(0, Files).Count(f => LastSha(socket, paths[f]) == finalSha[f]);
            if (settled == Files)
            {
                break;
            }
            Thread.Sleep(100);
        }
        var settleTime = settle.Elapsed;
        var fileEventsAfterSettle = FileEventCount(socket, paths, before);
        Thread.Sleep(3000);
        var fileEventsAfterQuiet = FileEventCount(socket, paths, before);
        sampling.Cancel();
        sampler.Wait();

        var peak = daemon.PeakRss;
        var cpu = daemon.CpuSeconds - cpuBefore;
        var duplicates = 0;
        var recorded = 0;
        foreach (var path in paths)
        {
            var stream = socket.Query(new EventQuery { Stream = Streams.File(path), Ascending = true }).Where(e => e.Position > before).ToList();
            recorded += stream.Count;
            string? previous = null;
            foreach (var e in stream)
            {
                var after = e.Data is FileChanged c ? c.AfterSha256 : e.Data is FileCreated n ? n.AfterSha256 : null;
                if (after is not null && after == previous)
                {
                    duplicates++;
                }
                previous = after;
            }
        }
        var settledCount = Enumerable.Range(0, Files).Count(f => LastSha(socket, paths[f]) == finalSha[f]);

        result.Add($"settled content recorded, {v}", $"{settledCount} of {Files} files (settled {settleTime.TotalSeconds:0.0} s after the burst)", $"all {Files}", settledCount == Files ? Verdict.Pass : Verdict.Miss);
        result.Add($"duplicate events (same after-hash twice in a row), {v}", duplicates.ToString(System.Globalization.CultureInfo.InvariantCulture), "0", duplicates == 0 ? Verdict.Pass : Verdict.Miss);
        if (variant == context.DaemonVariants.Judged)
        {
            result.AtMost($"daemon peak RSS (VmHWM), {v}", peak / 1e6, PeakRssLimitMb, "MB");
        }
        else
        {
            result.Add($"daemon peak RSS (VmHWM), {v}, shown beside", $"{peak / 1e6:0.0} MB");
        }
        result.Add($"burst, {v}", $"{writes:N0} writes in {burst.TotalSeconds:0.00} s ({writes / burst.TotalSeconds:N0}/s)");
        if (burst > window * 1.1)
        {
            result.Note($"{v}: the writer could not keep the pace of {writes / window.TotalSeconds:N0} writes/s on this machine at the time (load average {ProcFs.LoadAverage()}): the burst took {burst.TotalSeconds:0.00} s instead of {window.TotalSeconds:0} s.");
        }
        result.Add($"events recorded for the burst, {v}", $"{recorded:N0} ({recorded / (double)writes:P1} of the writes; coalesced by the debounce)");
        result.Add($"file events recorded in the 3 s after settling, {v}", $"{fileEventsAfterQuiet - fileEventsAfterSettle}", "0", fileEventsAfterQuiet == fileEventsAfterSettle ? Verdict.Pass : Verdict.Miss);
        result.Add($"daemon RSS, {v}", $"peak before the burst {rssBefore / 1e6:0.0} MB; sampled max during burst and settling {maxRss / 1e6:0.0} MB");
        result.Add($"daemon CPU for burst + settling, {v}", $"{cpu:0.00} s");
    }

    private static string Content(int file, int write) =>
        $"# GoWatch benchmark file {file}\nset -gx BENCH_{file} {write}\nfish_add_path $HOME/go/bin\n" + new string('#', 120) + "\n";

    private static int FileEventCount(SocketClient socket, IEnumerable<string> paths, long after) =>
        paths.Sum(p => socket.Query(new EventQuery { Path = p }).Count(e => e.Position > after));

    private static string? LastSha(SocketClient socket, string path) =>
        socket.Query(new EventQuery { Path = path, Limit = 1 }).FirstOrDefault()?.Data switch
        {
            FileChanged c => c.AfterSha256,
            FileCreated c => c.AfterSha256,
            _ => null,
        };
}
