// GoWatch benchmarks: the performance bars P1–P9 of QUALITY.md, measured against the Release
// builds of gowatchd and gowatch started as real processes. Usage: see Options.Usage, or
// BENCHMARKS.md at the repository root.
using System.Diagnostics;
using GoWatch.Benchmarks.Bars;
using GoWatch.Benchmarks.Support;

Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}
if (options.Help)
{
    Console.WriteLine(Options.Usage);
    return 0;
}

IBar[] bars = [new P1DetectionLatency(), new P2Burst(), new P3Idle(), new P4HistoryQueries(), new P5Appends(), new P6Space(), new P7Doctor(), new P8Status(), new P9Report()];
var started = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
var machine = Machine.Describe();
var loadBefore = ProcFs.LoadAverage();
Console.WriteLine($"GoWatch benchmarks on {machine.Cpu}, {machine.Cores} cores, {machine.Memory}, {machine.Os}, {machine.Runtime}; commit {machine.Commit}");
Console.WriteLine($"Release builds: {RepoPaths.DaemonOutput}, {RepoPaths.CliOutput}");
Console.WriteLine($"load average: {loadBefore}");

var results = new List<BarResult>();
using (var apps = Apps.Snapshot())
using (var context = new BenchContext(options, apps))
{
    foreach (var bar in bars.Where(b => options.Selected(b.Id)))
    {
        Console.WriteLine();
        Console.WriteLine($"== {bar.Id}: {bar.Title} — target {bar.Target}");
        var result = new BarResult(bar.Id, bar.Title, bar.Target);
        var barClock = Stopwatch.StartNew();
        try
        {
            bar.Run(context, result);
        }
        catch (Exception ex)
        {
            result.Failure = ex;
            Console.WriteLine($"{bar.Id} FAILED: {ex}");
        }
        result.Duration = barClock.Elapsed;
        Console.WriteLine($"{bar.Id} {result.Verdict.ToString().ToUpperInvariant()} ({result.Duration.TotalSeconds:0} s)");
        results.Add(result);
    }
}

var loadAfter = ProcFs.LoadAverage();
Console.WriteLine();
Console.WriteLine("Summary:");
foreach (var r in results)
{
    Console.WriteLine($"  {r.Id} {r.Verdict.ToString().ToUpperInvariant(),-8} {r.Title}");
}

var reportPath = options.NoReport ? null : options.ReportPath ?? (options.All && !options.Quick ? Path.Combine(RepoPaths.Root, "BENCHMARKS.md") : null);
if (reportPath is not null)
{
    var commandLine = "dotnet run -c Release --project tests/Benchmarks" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
    var analysis = Path.Combine(RepoPaths.Root, "tests", "Benchmarks", "ANALYSIS.md");
    var afterword = File.Exists(analysis) ? File.ReadAllLines(analysis) : [];
    File.WriteAllText(reportPath, Report.Render(machine, options, commandLine, started, clock.Elapsed, loadBefore, loadAfter, results, afterword));
    Console.WriteLine($"Report written to {reportPath}");
}
else
{
    Console.WriteLine("No report written (a partial or --quick run prints only; give --report PATH to write one).");
}
return results.Any(r => r.Failure is not null) ? 1 : 0;
