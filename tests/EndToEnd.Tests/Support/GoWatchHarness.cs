using System.Diagnostics;
using GoWatch.Events;
using GoWatch.Events.Store;

namespace GoWatch.EndToEnd.Tests.Support;

/// <summary>
/// A temp HOME, data dir and system root, and the real gowatchd / gowatch processes running
/// against them with nothing but environment variables pointing there.
/// </summary>
public sealed class GoWatchHarness : IDisposable
{
    private readonly List<DaemonProcess> _daemons = [];

    public GoWatchHarness()
    {
        Root = Directory.CreateTempSubdirectory("gowatch-e2e-").FullName;
        Directory.CreateDirectory(Home);
        Environment = new Dictionary<string, string>
        {
            ["HOME"] = Home,
            ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
            ["XDG_STATE_HOME"] = Path.Combine(Home, ".local", "state"),
            ["GOWATCH_DATA_DIR"] = DataDir,
            ["GOWATCH_SYSTEM_ROOT"] = SystemRoot,
            ["GOWATCH_PLATFORM"] = "linux",
            ["GOWATCH_ALLOW_ROOT"] = "1",
            ["NO_COLOR"] = "1",
            ["SHELL"] = File.Exists("/usr/bin/zsh") ? "/usr/bin/zsh" : "/bin/bash",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var name in new[] { "DOTNET_ROOT", "LANG" })
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                Environment[name] = value;
            }
        }
    }

    public string Root { get; }
    public string Home => Path.Combine(Root, "home");
    public string DataDir => Path.Combine(Root, "data");
    public string SystemRoot => Path.Combine(Root, "sys");
    public string SocketPath => SocketPathOverride ?? Path.Combine(DataDir, "gowatchd.sock");

    /// <summary>Where the daemon listens when a test moves the data dir (see GoWatch.Platform.Locations.SocketLocation).</summary>
    public string? SocketPathOverride { get; set; }
    public string LogDir => Path.Combine(DataDir, "logs");

    /// <summary>When set, gowatchd and gowatch run as this user id (through setpriv), not as the test's user.</summary>
    public int? RunAsUid { get; set; }
    public Dictionary<string, string> Environment { get; }

    /// <summary>The gowatchd this harness runs: <see cref="BuiltApps.Daemon"/> unless set (to a native executable, say).</summary>
    public string Daemon { get; init; } = BuiltApps.Daemon;

    /// <summary>The gowatch this harness runs: <see cref="BuiltApps.Cli"/> unless set (to a native executable, say).</summary>
    public string CliExecutable { get; init; } = BuiltApps.Cli;

    public string HomePath(string relative) => Path.Combine(Home, relative);

    /// <summary>
    /// Puts an executable named <paramref name="tool"/> first on PATH that records its argv
    /// (NUL-separated, one call per line) to the returned log file and succeeds.
    /// </summary>
    public string RecordingShim(string tool)
    {
        var bin = Path.Combine(Root, "shims");
        Directory.CreateDirectory(bin);
        var log = Path.Combine(Root, tool + ".calls");
        var script = Path.Combine(bin, tool);
        Executables.Write(script, $"#!/bin/sh\nprintf '%s\\0' \"$@\" >> '{log}'\nprintf '\\n' >> '{log}'\n");
        if (!Environment["PATH"].StartsWith(bin + ":", StringComparison.Ordinal))
        {
            Environment["PATH"] = bin + ":" + Environment["PATH"];
        }
        return log;
    }

    /// <summary>The argv of each recorded call of a shim.</summary>
    public static IReadOnlyList<string[]> ShimCalls(string log) =>
        File.Exists(log)
            ? File.ReadAllText(log).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\0').Split('\0')).ToList()
            : [];

    /// <param name="whenWatching">Runs as soon as gowatchd logs that its watchers are armed, before it is ready.</param>
    public DaemonProcess StartDaemon(Action? whenWatching = null)
    {
        var daemon = DaemonProcess.StartReady(Start(Daemon, []), SocketPath, TimeSpan.FromSeconds(30), whenWatching);
        _daemons.Add(daemon);
        return daemon;
    }

    /// <summary>Runs gowatchd expecting it to exit by itself (a refusal, a usage error) within 30 s.</summary>
    public CliResult RunDaemonToExit(params string[] args) => RunToExit(Daemon, args, TimeSpan.FromSeconds(30));

    public CliResult Cli(params string[] args) => RunToExit(CliExecutable, args, TimeSpan.FromSeconds(60));

    private CliResult RunToExit(string assembly, string[] args, TimeSpan timeout)
    {
        using var process = Process.Start(Start(assembly, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill();
            throw new TimeoutException($"{Path.GetFileNameWithoutExtension(assembly)} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Polls the running daemon until an event matching <paramref name="match"/> is readable, or the deadline passes.</summary>
    public EventEnvelope? WaitForEvent(Func<EventEnvelope, bool> match, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        do
        {
            if (new SocketClient(SocketPath).TryQuery(new EventQuery { Limit = 200 })?.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            Thread.Sleep(20);
        }
        while (deadline.Elapsed < within);
        return null;
    }

    /// <summary>A .dll runs through dotnet; anything else (a native gowatchd) runs as it is.</summary>
    private ProcessStartInfo Start(string assembly, IEnumerable<string> args)
    {
        var managed = assembly.EndsWith(".dll", StringComparison.Ordinal);
        var psi = new ProcessStartInfo(RunAsUid is not null ? "/usr/bin/setpriv" : managed ? "dotnet" : assembly)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Home,
        };
        if (RunAsUid is { } uid)
        {
            foreach (var a in Unprivileged.Prefix(uid).Skip(1))
            {
                psi.ArgumentList.Add(a);
            }
            if (managed)
            {
                psi.ArgumentList.Add("/usr/bin/dotnet");
            }
        }
        if (managed || RunAsUid is not null)
        {
            psi.ArgumentList.Add(assembly);
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment.Clear();
        foreach (var (k, v) in Environment)
        {
            psi.Environment[k] = v;
        }
        return psi;
    }

    public void Dispose()
    {
        foreach (var d in _daemons)
        {
            d.Dispose();
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
