using System.Diagnostics;
using System.Globalization;
using GoWatch.Benchmarks.Support;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Recording.Reporting;

namespace GoWatch.Benchmarks.Bars;

/// <summary>
/// P9: `gowatch report` over the P4 store (a million events, a year of history) as a new
/// process, native first and the JIT beside it, with the daemon down and up, showing the last 30
/// days of that history; the page it writes is weighed. Where the time goes is measured beside it: reading the window in-process.
/// </summary>
public sealed class P9Report : IBar
{
    private const double LimitMs = 2000;
    private const double LimitBytes = 2 * 1024 * 1024;

    public string Id => "P9";
    public string Title => "`gowatch report` over 1,000,000 events (30 days shown)";
    public string Target => "≤ 2 s, page ≤ 2 MB";

    public void Run(BenchContext context, BarResult result)
    {
        var events = context.Options.P4Events ?? (context.Quick ? 100_000 : 1_000_000);
        var runs = context.Quick ? 3 : 5;

        using var sandbox = new Sandbox(context, "p9");
        var generated = CachedStore.Get(events, context.Options.FreshStore, new StoreFiller(sandbox.Home));
        CachedStore.CopyInto(generated.Directory, sandbox.DataDir);

        // The generated year ends when the store was made; a reused store may be days old, so the
        // window is the last 30 days of its history rather than of the calendar.
        DateTimeOffset newest;
        long inWindow;
        var readMs = new List<double>();
        using (var store = LiteDbEventStore.Open(sandbox.StorePath, sandbox.LockPath))
        {
            newest = store.Query(new EventQuery { Limit = 1 })[0].Time;
            var from = newest - TimeSpan.FromDays(30);
            inWindow = 0;
            for (var i = 0; i < runs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                inWindow = ReadWindow(store, from);
                readMs.Add(Stats.ElapsedMs(start, Stopwatch.GetTimestamp()));
            }
        }
        var since = (newest - TimeSpan.FromDays(30)).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var page = Path.Combine(sandbox.Root, "report.html");
        string[] args = ["report", "--since", since, "-o", page];

        // Judged on the native gowatch users install (SPEC §9); the build output under the JIT beside it.
        var native = context.Native;
        var launchers = new List<Launcher>();
        if (native.Cli is { } nativeCli)
        {
            launchers.Add(Launcher.AppHost(NativeBuild.Label, nativeCli));
        }
        else
        {
            result.Note(native.Problem ?? "the native gowatch was not built");
        }
        launchers.Add(Launcher.Dotnet("build output, `dotnet gowatch.dll` (JIT)", context.Apps.Cli));

        result.Parameters = $"the P4 store: {events:N0} events over one simulated year ({generated.Describe()}); `gowatch report --since {since} -o FILE` (the last 30 days of that history, {inWindow:N0} events) as a new process with the daemon down, each way of starting it once to warm up, then {runs} times, interleaved; then {runs} times with gowatchd up (it folds the window and sends the CLI the model)";

        var times = launchers.ToDictionary(l => l, _ => new List<double>());
        var firsts = new Dictionary<Launcher, double>();
        foreach (var launcher in launchers)
        {
            var first = sandbox.Cli(launcher, args);
            if (first.ExitCode != 0 || !File.Exists(page))
            {
                throw new InvalidOperationException($"{launcher.Label}: gowatch report failed:\n{first}");
            }
            firsts[launcher] = first.WallMs;
        }
        for (var i = 0; i < runs; i++)
        {
            foreach (var launcher in launchers)
            {
                var run = sandbox.Cli(launcher, args);
                times[launcher].Add(run.ExitCode == 0 ? run.WallMs : throw new InvalidOperationException($"{launcher.Label}: gowatch report failed:\n{run}"));
            }
        }
        var size = new FileInfo(page).Length;
        var html = File.ReadAllText(page);

        var primary = launchers[0];
        result.AtMost($"`gowatch report` median, {primary.Label}", Stats.Median(times[primary]), LimitMs, "ms");
        result.AtMost("page size", size / 1024.0, LimitBytes / 1024, "KiB");
        foreach (var launcher in launchers)
        {
            result.Add($"`gowatch report`, {launcher.Label}", $"median {Stats.Ms(Stats.Median(times[launcher]))}, max {Stats.Ms(Stats.Max(times[launcher]))}, first (warm-up) {Stats.Ms(firsts[launcher])}");
        }
        result.Add("page", $"{Stats.Bytes(size)}: {Count(html, "<g class=\"span\"")} break spans in {Count(html, "<g class=\"lane-check\">")} check lanes, {Count(html, "<tr class=\"break-row")} rows in the break table, {Count(html, "<rect class=\"heat\"")} heat cells");
        // The same with gowatchd up (the native one when it was built): the daemon folds the window next to its store and the CLI renders the model it sends.
        try
        {
            using var daemon = sandbox.StartDaemon(native.Daemon is { } d ? Launcher.AppHost(NativeBuild.DaemonLabel, d) : null, within: TimeSpan.FromMinutes(3));
            var up = Enumerable.Range(0, runs).Select(_ => sandbox.Cli(primary, args)).Select(r => r.ExitCode == 0 ? r.WallMs : throw new InvalidOperationException($"gowatch report (daemon up) failed:\n{r}")).ToList();
            result.AtMost($"`gowatch report` median, daemon up, {primary.Label}", Stats.Median(up), LimitMs, "ms");
            result.Add($"`gowatch report`, daemon up, {primary.Label}", $"median {Stats.Ms(Stats.Median(up))}, max {Stats.Ms(Stats.Max(up))}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            result.Note($"With the daemon up it could not be measured: {ex.Message.Split('\n')[0]}");
        }
        result.Add("breakdown: reading the window in-process (bisection to its first position, then its events of the report's types)", $"median {Stats.Ms(Stats.Median(readMs))}, max {Stats.Ms(Stats.Max(readMs))}; {inWindow:N0} events");
    }

    /// <summary>What the report reads, the way it reads it: the first position of the window by bisection, then the window by position.</summary>
    private static long ReadWindow(LiteDbEventStore store, DateTimeOffset from) =>
        store.Query(new EventQuery
        {
            AfterPosition = ReportReader.FirstPositionAt(new StoreReportSource(store), from) - 1,
            Since = from,
            Types = ReportModel.Types,
            Ascending = true,
        }).Count;

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
