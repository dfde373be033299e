using GoWatch.Benchmarks.Support;

namespace GoWatch.Benchmarks.Bars;

/// <summary>Start-up bound commands, timed as new processes with the daemon up, for each way of starting the CLI.</summary>
public abstract class CliStartupBar : IBar
{
    public abstract string Id { get; }
    public abstract string Title { get; }
    public abstract string Target { get; }

    protected abstract double LimitMs { get; }
    protected abstract string[] Command { get; }

    public void Run(BenchContext context, BarResult result)
    {
        var runs = context.Quick ? 5 : 20;
        using var sandbox = new Sandbox(context, Id.ToLowerInvariant());
        sandbox.WriteTypicalSetup();
        var variants = context.CliVariants;
        foreach (var problem in variants.Problems)
        {
            result.Note(problem);
        }
        // The daemon users run: the native one of SPEC §9 when it could be built.
        using var daemon = sandbox.StartDaemon(context.Native.Daemon is { } native ? Launcher.AppHost(NativeBuild.DaemonLabel, native) : null);
        Thread.Sleep(2000);

        if (!Applicable(sandbox, variants.Primary, result))
        {
            return;
        }
        result.Parameters = $"`gowatch {string.Join(' ', Command)}` with the daemon up, typical setup in a temp HOME, SHELL=/bin/bash; each way of starting run once to warm up, then {runs} times, interleaved round-robin so background load hits them alike; wall time from Process.Start to exit";
        var times = variants.Launchers.ToDictionary(l => l, _ => new List<double>());
        foreach (var launcher in variants.Launchers)
        {
            var warm = sandbox.Cli(launcher, Command);
            if (warm.ExitCode is not (0 or 1))
            {
                throw new InvalidOperationException($"{launcher.Label}: gowatch {string.Join(' ', Command)} failed:\n{warm}");
            }
        }
        for (var i = 0; i < runs; i++)
        {
            foreach (var launcher in variants.Launchers)
            {
                times[launcher].Add(sandbox.Cli(launcher, Command).WallMs);
            }
        }
        var limit = Limit(sandbox, result, runs);
        foreach (var launcher in variants.Launchers)
        {
            var t = times[launcher];
            if (launcher == variants.Primary)
            {
                result.AtMost($"median, {launcher.Label}", Stats.Median(t), limit, "ms");
            }
            var verdict = Stats.Median(t) <= limit ? "within" : "over";
            result.Add(launcher.Label, $"median {Stats.Ms(Stats.Median(t))}, p90 {Stats.Ms(Stats.Percentile(t, 90))}, min {Stats.Ms(Stats.Min(t))}, max {Stats.Ms(Stats.Max(t))} — median {verdict} {limit:0} ms");
        }
        Extra(sandbox, daemon, variants, result, runs);
    }

    /// <summary>The bar in ms: a fixed one, or one measured in the same run (P7's floor).</summary>
    protected virtual double Limit(Sandbox sandbox, BarResult result, int runs) => LimitMs;

    /// <summary>False (with a skipped figure) when the command does not exist in this build.</summary>
    protected virtual bool Applicable(Sandbox sandbox, Launcher launcher, BarResult result) => true;

    protected virtual void Extra(Sandbox sandbox, DaemonProcess daemon, CliVariants variants, BarResult result, int runs)
    {
    }
}

public sealed class P7Doctor : CliStartupBar
{
    private const double FloorFactor = 1.5;

    public override string Id => "P7";
    public override string Title => "`gowatch doctor` on a plain shell setup";
    public override string Target => "≤ 1.5× the floor measured in the same run (the login shell's startup + `go env -json`, run as a script would)";
    protected override double LimitMs => double.NaN;
    protected override string[] Command => ["doctor"];

    protected override bool Applicable(Sandbox sandbox, Launcher launcher, BarResult result)
    {
        var help = sandbox.Cli(launcher, "doctor", "--help");
        if (help.ExitCode == 0)
        {
            return true;
        }
        result.Add("`gowatch doctor`", "the command does not exist in this build", Target, Verdict.Skipped);
        result.Note($"`gowatch doctor --help` exited {help.ExitCode}: {help.Stderr.Split('\n')[0]}");
        return false;
    }

    /// <summary>The floor: the login shell's start-up as the doctor's probe starts it (-l -i), plus `go env -json` from a script.</summary>
    protected override double Limit(Sandbox sandbox, BarResult result, int runs)
    {
        var bash = Launcher.AppHost("bash", "/bin/bash");
        _ = sandbox.Cli(bash, "-c", "go env -json >/dev/null");
        var shell = Enumerable.Range(0, runs).Select(_ => sandbox.Cli(bash, "-l", "-i", "-c", "true").WallMs).ToList();
        var goEnv = Enumerable.Range(0, runs).Select(_ => sandbox.Cli(bash, "-c", "go env -json >/dev/null").WallMs).ToList();
        var floor = Stats.Median(shell) + Stats.Median(goEnv);
        result.Add("floor: the login shell alone (`bash -l -i -c true`)", $"median {Stats.Ms(Stats.Median(shell))}, max {Stats.Ms(Stats.Max(shell))}");
        result.Add("floor: `go env -json` from a script (`bash -c`)", $"median {Stats.Ms(Stats.Median(goEnv))}, max {Stats.Ms(Stats.Max(goEnv))}");
        result.Add("floor", $"{Stats.Ms(floor)}; the bar is {FloorFactor}× that, {Stats.Ms(FloorFactor * floor)}");
        return FloorFactor * floor;
    }
}

public sealed class P8Status : CliStartupBar
{
    public override string Id => "P8";
    public override string Title => "`gowatch status` with the daemon up";
    public override string Target => "≤ 15 ms as a new process (native, SPEC §9)";
    protected override double LimitMs => 15;
    protected override string[] Command => ["status"];

    protected override void Extra(Sandbox sandbox, DaemonProcess daemon, CliVariants variants, BarResult result, int runs)
    {
        daemon.Stop();
        _ = sandbox.Cli(variants.Primary, "status");
        var times = Enumerable.Range(0, runs).Select(_ => sandbox.Cli(variants.Primary, "status").WallMs).ToList();
        result.Add($"for comparison: daemon down (the CLI opens the store), {variants.Primary.Label}", $"median {Stats.Ms(Stats.Median(times))}, max {Stats.Ms(Stats.Max(times))}");
        var help = Enumerable.Range(0, runs).Select(_ => sandbox.Cli(variants.Primary, "--version").WallMs).ToList();
        result.Add($"for comparison: `gowatch --version` (process start + command line only), {variants.Primary.Label}", $"median {Stats.Ms(Stats.Median(help))}");
        result.Add("anchor: `git log -n 50` over a 1,000-commit repository (new process)", GitRepository.Anchor(sandbox.Root, runs));
    }
}
