using System.Diagnostics;
using GoWatch.Benchmarks.Support;

namespace GoWatch.Benchmarks.Bars;

/// <summary>P3: the daemon with the default catalogue, left alone: resident memory and CPU time.</summary>
public sealed class P3Idle : IBar
{
    private const int BarSeconds = 300;
    private const double RssLimitMb = 40;
    private const double CpuLimitSeconds = 0.2;

    public string Id => "P3";
    public string Title => "idle, default catalogue watched, 5 minutes";
    public string Target => "RSS ≤ 40 MB; total CPU ≤ 0.2 s over 5 minutes (no polling loops)";

    public void Run(BenchContext context, BarResult result)
    {
        var seconds = context.Options.IdleSeconds ?? (context.Quick ? 20 : BarSeconds);
        var variants = context.DaemonVariants;
        result.Parameters = $"idle window {seconds} s (the bar says {BarSeconds} s) for each way of running gowatchd ({string.Join("; ", variants.Variants.Select(v => v.Launcher.Label))}), starting 2 s after the daemon is ready; typical setup in a temp HOME (zsh, bash, fish files, /etc under GOWATCH_SYSTEM_ROOT); RSS sampled every second";
        foreach (var problem in variants.Problems)
        {
            result.Note(problem);
        }
        foreach (var variant in variants.Variants)
        {
            Idle(context, result, variant, seconds);
        }
        result.Note("The JIT build output is what `dotnet run` and the tool package start; most of its memory is the runtime itself: the JIT, the code it makes and the framework images it maps (an empty Microsoft.Extensions.Hosting app measured about 42 MB RSS here). The native build has none of that.");
    }

    private static void Idle(BenchContext context, BarResult result, DaemonVariant variant, int seconds)
    {
        Console.WriteLine($"P3      idle {seconds} s: {variant.Launcher.Label} …");
        using var sandbox = new Sandbox(context, "p3");
        sandbox.WriteTypicalSetup();
        using var daemon = sandbox.StartDaemon(variant.Launcher);
        Thread.Sleep(2000);
        var cpuStart = daemon.CpuSeconds;
        var rssStart = daemon.Rss;
        long maxRss = rssStart;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            Thread.Sleep(1000);
            maxRss = Math.Max(maxRss, daemon.Rss);
        }
        var cpu = daemon.CpuSeconds - cpuStart;
        var rssEnd = daemon.Rss;

        // Only the daemon users install is judged; another is shown beside it.
        var judged = variant == context.DaemonVariants.Judged;
        if (!judged)
        {
            result.Add($"RSS (max sampled over the window), {variant.Name}, shown beside", $"{maxRss / 1e6:0.0} MB");
            result.Add($"CPU over {seconds} s, {variant.Name}, shown beside", $"{cpu:0.00} s");
        }
        else
        {
            Judge(result, variant, seconds, maxRss, cpu);
        }
        result.Add($"RSS at start / end of the window, {variant.Name}", $"{rssStart / 1e6:0.0} MB / {rssEnd / 1e6:0.0} MB; VmHWM {daemon.PeakRss / 1e6:0.0} MB");
        result.Add($"start-up, {variant.Name}", $"ready in {daemon.ReadyAfter?.TotalMilliseconds:0} ms, {cpuStart:0.00} s CPU until the window began");
    }

    private static void Judge(BarResult result, DaemonVariant variant, int seconds, long maxRss, double cpu)
    {
        result.AtMost($"RSS (max sampled over the window), {variant.Name}", maxRss / 1e6, RssLimitMb, "MB");
        if (seconds >= BarSeconds)
        {
            result.AtMost($"CPU over {seconds} s, {variant.Name}", cpu, CpuLimitSeconds * seconds / BarSeconds, "s", "0.00");
        }
        else
        {
            var scaled = cpu * BarSeconds / seconds;
            result.AtMost($"CPU over {seconds} s, scaled to {BarSeconds} s, {variant.Name}", scaled, CpuLimitSeconds, "s", "0.00");
            result.Note($"{variant.Name}: the window was {seconds} s, not {BarSeconds} s: CPU measured {cpu:0.00} s and is scaled linearly; kernel CPU accounting has 10 ms resolution, so a short window is coarse.");
        }
    }
}
