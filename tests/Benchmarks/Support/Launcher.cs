using System.Diagnostics;

namespace GoWatch.Benchmarks.Support;

/// <summary>How to start a program: `dotnet app.dll`, or an apphost directly; with extra runtime settings.</summary>
public sealed record Launcher(string Label, string FileName, IReadOnlyList<string> Prefix, IReadOnlyDictionary<string, string> Environment)
{
    public static Launcher Dotnet(string label, string dll, IReadOnlyDictionary<string, string>? env = null) =>
        new(label, "dotnet", [dll], env ?? new Dictionary<string, string>());

    public static Launcher AppHost(string label, string executable, IReadOnlyDictionary<string, string>? env = null) =>
        new(label, executable, [], env ?? new Dictionary<string, string>());

    public ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var psi = new ProcessStartInfo(FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in Prefix.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment.Clear();
        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }
        foreach (var (k, v) in Environment)
        {
            psi.Environment[k] = v;
        }
        return psi;
    }
}

/// <summary>A finished process: exit code, output, and its wall time from start to exit.</summary>
public sealed record ProcessRun(int ExitCode, string Stdout, string Stderr, double WallMs)
{
    public override string ToString() => $"exit {ExitCode} in {Stats.Ms(WallMs)}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    /// <summary>Starts the process and waits for it; wall time covers Process.Start to exit with output drained.</summary>
    public static ProcessRun Run(ProcessStartInfo psi, TimeSpan timeout)
    {
        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(psi)!;
        if (psi.RedirectStandardInput)
        {
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{psi.FileName} {string.Join(' ', psi.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s");
        }
        process.WaitForExit();
        var result = new ProcessRun(process.ExitCode, stdout.Result, stderr.Result, Stats.ElapsedMs(start, Stopwatch.GetTimestamp()));
        return result;
    }
}
