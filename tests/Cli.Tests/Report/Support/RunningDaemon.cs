using System.Diagnostics;
using GoWatch.Cli.Backend;
using GoWatch.Cli.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Store;

namespace GoWatch.Cli.Tests.Report.Support;

/// <summary>
/// The real gowatchd (the build output beside these tests' configuration) running on a
/// <see cref="CliScenario"/>'s HOME and data dir, so the CLI reaches the store through its socket.
/// </summary>
public sealed class RunningDaemon : IDisposable
{
    private readonly DaemonProcess _process;

    private RunningDaemon(ProcessStartInfo psi)
    {
        _process = new DaemonProcess(Process.Start(psi)!);
    }

    /// <summary>What gowatchd printed so far (its log), for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>gowatchd.dll of the same configuration as this test assembly (the CLI project builds it).</summary>
    public static string Assembly { get; } = Path.Combine(Processes.RepoRoot, "src", "Daemon", "bin",
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "gowatchd.dll");

    /// <summary>Starts gowatchd and waits until it answers, has recorded its start-up verification and has gone quiet.</summary>
    public static RunningDaemon Start(CliScenario s, TimeSpan within)
    {
        var after = s.Events(new EventQuery { Limit = 1 }).FirstOrDefault()?.Position ?? 0;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = s.Home };
        psi.ArgumentList.Add(Assembly);
        psi.Environment.Clear();
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_ROOT"] = Environment.GetEnvironmentVariable("DOTNET_ROOT"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["HOME"] = s.Home,
            ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
            ["SHELL"] = "/bin/bash",
            ["XDG_CONFIG_HOME"] = Path.Combine(s.Home, ".config"),
            ["XDG_STATE_HOME"] = Path.Combine(s.Home, ".local", "state"),
            ["GOWATCH_CONFIG"] = s.Settings.ConfigFile,
            ["GOWATCH_DATA_DIR"] = s.Settings.DataDir,
            ["GOWATCH_LOG_DIR"] = s.Settings.LogDir,
            ["GOWATCH_SYSTEM_ROOT"] = s.Settings.SystemRoot,
            ["GOWATCH_PLATFORM"] = "linux",
            ["GOWATCH_HOST_ARCH"] = s.Settings.HostArch,
            ["GOWATCH_ALLOW_ROOT"] = "1",
            ["GOWATCH_NOTIFICATIONS"] = "false",
        };
        foreach (var (key, value) in environment.Where(kv => kv.Value is not null))
        {
            psi.Environment[key] = value;
        }
        var daemon = new RunningDaemon(psi);
        var deadline = Stopwatch.StartNew();
        var settled = (Position: 0L, Since: Stopwatch.StartNew());
        while (deadline.Elapsed < within)
        {
            if (daemon._process.HasExited)
            {
                var exit = daemon._process.ExitCode;
                daemon.Dispose();
                throw new InvalidOperationException($"gowatchd exited with {exit}:\n{daemon.Output}");
            }
            using (var client = DaemonBackend.TryConnect(s.Settings.SocketPath, TimeSpan.FromSeconds(1)))
            {
                if (client?.Query(new EventQuery { AfterPosition = after, Types = ["VerificationCompleted"], Limit = 1 }) is [_])
                {
                    // What the verification implies (drift, a notification) follows it: wait for the log to settle.
                    var newest = client.Query(new EventQuery { Limit = 1 })[0].Position;
                    if (newest == settled.Position && settled.Since.Elapsed > TimeSpan.FromSeconds(3))
                    {
                        return daemon;
                    }
                    if (newest != settled.Position)
                    {
                        settled = (newest, Stopwatch.StartNew());
                    }
                }
            }
            Thread.Sleep(100);
        }
        var output = daemon.Output;
        daemon.Dispose();
        throw new TimeoutException($"gowatchd did not record its start-up verification within {within}:\n{output}");
    }

    /// <summary>Kills it outright (as launchd would find it after a crash): no DaemonStopped is recorded; the store lock goes with the process.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Crash(withChildren: true);
        }
        _process.Dispose();
    }
}
