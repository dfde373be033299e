using System.Diagnostics;

namespace GoWatch.Cli.Tests.Support;

/// <summary>Runs real processes (dotnet pack, the installed tool) with an argv array.</summary>
public static class Processes
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static CliResult Run(string file, IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null) =>
        RunIn(null, file, args, timeout, environment);

    /// <summary>Runs in <paramref name="workingDirectory"/> (null: this process's).</summary>
    public static CliResult RunIn(string? workingDirectory, string file, IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Start(file, args, environment, redirect: true, workingDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts a long-running process; its output is discarded.</summary>
    public static Process Start(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null) =>
        Start(file, args, environment, redirect: false, null);

    private static Process Start(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment, bool redirect, string? workingDirectory)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            psi.Environment[k] = v;
        }
        var process = Process.Start(psi)!;
        if (!redirect)
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        return process;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GoWatch.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("GoWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
