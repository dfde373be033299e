using System.Text;

namespace GoWatch.Benchmarks.Support;

/// <summary>Writes BENCHMARKS.md: machine, date, the targets beside the measured figures, pass or miss per bar.</summary>
public static class Report
{
    public static string Render(Machine machine, Options options, string commandLine, DateTimeOffset started, TimeSpan duration, string loadBefore, string loadAfter, IReadOnlyList<BarResult> results, IReadOnlyList<string> afterword)
    {
        var md = new StringBuilder();
        md.AppendLine("# GoWatch benchmarks");
        md.AppendLine();
        md.AppendLine("The performance bars of `QUALITY.md` (P1–P9), measured by `tests/Benchmarks` against the Release builds of");
        md.AppendLine("`gowatchd` and `gowatch`, started as real processes against a temp HOME and data dir. This file is written by");
        md.AppendLine("the benchmark program; the figures below are the ones of the run it describes.");
        md.AppendLine();
        md.AppendLine("## How to run");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine("dotnet build -c Release GoWatch.sln");
        md.AppendLine("dotnet run -c Release --project tests/Benchmarks                           # every bar, rewrites BENCHMARKS.md");
        md.AppendLine("dotnet run -c Release --project tests/Benchmarks -- P4 P5                   # some bars, printed only");
        md.AppendLine("dotnet run -c Release --project tests/Benchmarks -- --quick                 # smoke run: small sizes, 20 s idle");
        md.AppendLine("dotnet run -c Release --project tests/Benchmarks -- --idle-seconds 60       # shorter P3 window (CPU scaled to 5 min)");
        md.AppendLine("dotnet run -c Release --project tests/Benchmarks -- P3 --daemon-env DOTNET_GCgen0size=0x400000   # try a runtime setting on gowatchd");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("A full run takes about 20 minutes here (10 of them the P3 idle windows) once the P4 store exists. The");
        md.AppendLine("million-event P4 store is generated through `AppendMany` the first time (about 3 minutes here) and kept");
        md.AppendLine("under `/var/tmp/gowatch-benchmarks/`, keyed by the sources that decide its bytes");
        md.AppendLine("(`src/Events` Store, Serialization, Model, `src/Events.LiteDb`, the LiteDB version); `--fresh-store` makes it anew.");
        md.AppendLine();
        md.AppendLine("Needs `inotifywait` (inotify-tools) for the P1 floor and `git` for P6; P7/P8 publish the CLI with and without");
        md.AppendLine("ReadyToRun from a copy of the sources (NuGet must be reachable for the runtime and crossgen packs); P1–P3 run");
        md.AppendLine("gowatchd twice, as the build output under the JIT and as a native AOT publish made from a copy of the sources");
        md.AppendLine("(needs `clang`, any `clang-NN` will do, and the ILCompiler packs from NuGet), and judge the native one.");
        md.AppendLine();
        md.AppendLine("## This run");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        md.AppendLine($"| date | {started:yyyy-MM-dd HH:mm} UTC, {duration.TotalMinutes:0.0} min |");
        md.AppendLine($"| command | `{commandLine}` |");
        md.AppendLine($"| mode | {(options.Quick ? "--quick (smoke sizes)" : "full sizes")}{(options.IdleSeconds is { } s ? $", --idle-seconds {s}" : "")}{string.Concat(options.DaemonEnvironment.Select(e => $", gowatchd with {e.Key}={e.Value}"))} |");
        md.AppendLine($"| CPU | {machine.Cpu} |");
        md.AppendLine($"| cores | {machine.Cores} |");
        md.AppendLine($"| RAM | {machine.Memory} |");
        md.AppendLine($"| OS | {machine.Os}, Linux {machine.Kernel} |");
        md.AppendLine($"| .NET | {machine.Runtime} (SDK {machine.Sdk}) |");
        md.AppendLine($"| /tmp on | {machine.Disk} |");
        md.AppendLine($"| commit | {machine.Commit} |");
        md.AppendLine($"| load average (1/5/15 min) | before {loadBefore}; after {loadAfter} |");
        md.AppendLine();
        md.AppendLine("## Summary");
        md.AppendLine();
        md.AppendLine("| bar | what | target | measured | result |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var r in results)
        {
            var judged = r.Figures.Where(f => f.Verdict is Verdict.Pass or Verdict.Miss or Verdict.Skipped).ToList();
            if (r.Failure is not null)
            {
                md.AppendLine($"| {r.Id} | {r.Title} | {r.Target} | the benchmark failed: {Cell(r.Failure.Message.Split('\n')[0])} | **miss** |");
                continue;
            }
            if (judged.Count == 0)
            {
                md.AppendLine($"| {r.Id} | {r.Title} | {r.Target} | nothing measured | skipped |");
                continue;
            }
            foreach (var f in judged)
            {
                md.AppendLine($"| {r.Id} | {Cell(f.What)} | {Cell(f.Target)} | {Cell(f.Measured)} | {Mark(f.Verdict)} |");
            }
        }
        md.AppendLine();
        foreach (var r in results)
        {
            md.AppendLine($"## {r.Id} — {r.Title}: {Mark(r.Verdict)}");
            md.AppendLine();
            md.AppendLine($"Target: {r.Target}.");
            md.AppendLine();
            if (r.Parameters.Length > 0)
            {
                md.AppendLine($"Run: {r.Parameters}. Took {r.Duration.TotalSeconds:0} s.");
                md.AppendLine();
            }
            if (r.Figures.Count > 0)
            {
                md.AppendLine("| figure | measured | target | |");
                md.AppendLine("|---|---|---|---|");
                foreach (var f in r.Figures)
                {
                    md.AppendLine($"| {Cell(f.What)} | {Cell(f.Measured)} | {Cell(f.Target)} | {(f.Verdict == Verdict.Info ? "" : Mark(f.Verdict))} |");
                }
                md.AppendLine();
            }
            if (r.Failure is not null)
            {
                md.AppendLine("The benchmark failed:");
                md.AppendLine();
                md.AppendLine("```");
                md.AppendLine(r.Failure.ToString().Split('\n').Take(30).Aggregate(new StringBuilder(), (b, l) => b.AppendLine(l.TrimEnd())).ToString().TrimEnd());
                md.AppendLine("```");
                md.AppendLine();
            }
            foreach (var note in r.Notes)
            {
                md.AppendLine($"- {note}");
            }
            if (r.Notes.Count > 0)
            {
                md.AppendLine();
            }
        }
        foreach (var line in afterword)
        {
            md.AppendLine(line);
        }
        return md.ToString();
    }

    private static string Mark(Verdict v) => v switch
    {
        Verdict.Pass => "pass",
        Verdict.Miss => "**miss**",
        Verdict.Skipped => "skipped",
        _ => "",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
