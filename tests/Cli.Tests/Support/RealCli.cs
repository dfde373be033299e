using System.Diagnostics;
using System.Text;

namespace GoWatch.Cli.Tests.Support;

/// <summary>
/// The built gowatch run as a real process against a scenario's HOME and data dir: alone, in a
/// shell pipeline (real pipes), or on a pseudo-terminal (<c>script</c>) where a terminal matters.
/// </summary>
public sealed class RealCli(CliScenario scenario)
{
    /// <summary>gowatch.dll, copied beside the tests by the project reference.</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "gowatch.dll");

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public Dictionary<string, string?> Environment { get; } = new()
    {
        ["HOME"] = scenario.Home,
        ["XDG_CONFIG_HOME"] = Path.Combine(scenario.Home, ".config"),
        ["GOWATCH_DATA_DIR"] = scenario.Settings.DataDir,
        ["GOWATCH_SYSTEM_ROOT"] = scenario.Settings.SystemRoot,
        ["GOWATCH_PLATFORM"] = "linux",
        ["GOWATCH_ALLOW_ROOT"] = "1",
        ["TZ"] = "UTC",
        ["NO_COLOR"] = "1",
    };

    /// <summary>A shell word that runs gowatch, for pipelines and scripts.</summary>
    public static string Command => $"dotnet {Quote(Dll)}";

    /// <summary>gowatch with stdout and stderr on pipes read to the end.</summary>
    public CliResult Run(params string[] args) => Processes.Run("dotnet", [Dll, .. args], Timeout, Environment);

    /// <summary>A bash command line in which <c>gowatch</c> runs the built gowatch, e.g. <c>gowatch history | head -3</c>.</summary>
    public CliResult Shell(string commandLine) =>
        Processes.Run("bash", ["-c", $"gowatch() {{ dotnet \"$GOWATCH_DLL\" \"$@\"; }}\n{commandLine}"], Timeout, new Dictionary<string, string?>(Environment) { ["GOWATCH_DLL"] = Dll });

    /// <summary>
    /// gowatch on a pseudo-terminal (<c>script</c>): waits until the output shows
    /// <paramref name="waitFor"/>, then types <paramref name="keys"/>. Returns what the terminal showed.
    /// </summary>
    public CliResult AtTerminal(string[] args, string? waitFor = null, string keys = "")
    {
        var line = string.Join(' ', new[] { Command }.Concat(args.Select(Quote)));
        var psi = new ProcessStartInfo("script", ["-qefc", line, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (k, v) in Environment)
        {
            psi.Environment[k] = v;
        }
        psi.Environment.Remove("NO_COLOR");
        psi.Environment["TERM"] = "xterm";
        using var process = Process.Start(psi)!;
        var output = new StringBuilder();
        var seen = new ManualResetEventSlim(waitFor is null);
        var reader = Task.Run(() =>
        {
            var buffer = new char[4096];
            int n;
            while ((n = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (output)
                {
                    output.Append(buffer, 0, n);
                    if (waitFor is not null && output.ToString().Contains(waitFor, StringComparison.Ordinal))
                    {
                        seen.Set();
                    }
                }
            }
        });
        var stderr = process.StandardError.ReadToEndAsync();
        if (!seen.Wait(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{waitFor}' never appeared:\n{output}");
        }
        if (keys.Length > 0)
        {
            process.StandardInput.Write(keys);
            process.StandardInput.Flush();
        }
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"gowatch {string.Join(' ', args)} did not finish at the terminal:\n{output}");
        }
        reader.Wait(Timeout);
        process.StandardInput.Close();
        lock (output)
        {
            return new CliResult(process.ExitCode, output.ToString(), stderr.Result);
        }
    }

    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
