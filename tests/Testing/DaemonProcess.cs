using System.Diagnostics;
using System.Text;
using GoWatch.Events.Store;

namespace GoWatch.Testing;

/// <summary>A real gowatchd process, its output kept for the message when something goes wrong.</summary>
public sealed class DaemonProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    public DaemonProcess(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>
    /// Starts gowatchd and waits until it is ready: its socket answers and the start-up
    /// reconciliation is logged. A daemon that exits or is not ready in time is killed and the
    /// failure carries its output.
    /// </summary>
    /// <param name="whenWatching">Runs as soon as gowatchd logs that its watchers are armed, before it is ready.</param>
    public static DaemonProcess StartReady(ProcessStartInfo start, string socketPath, TimeSpan within, Action? whenWatching = null)
    {
        var started = Stopwatch.GetTimestamp();
        var daemon = new DaemonProcess(Process.Start(start)!);
        var socket = new SocketClient(socketPath);
        try
        {
            while (Stopwatch.GetElapsedTime(started) < within)
            {
                if (daemon.HasExited)
                {
                    throw new InvalidOperationException($"gowatchd exited with {daemon.ExitCode}:\n{daemon.Output}");
                }
                if (whenWatching is not null)
                {
                    if (!daemon.Output.Contains("] Watching ", StringComparison.Ordinal))
                    {
                        Thread.Sleep(2);
                        continue;
                    }
                    whenWatching();
                    whenWatching = null;
                }
                if (daemon.Output.Contains("Reconciled", StringComparison.Ordinal) && socket.TryQuery(new EventQuery { Limit = 1 }) is not null)
                {
                    daemon.ReadyAfter = Stopwatch.GetElapsedTime(started);
                    return daemon;
                }
                Thread.Sleep(20);
            }
            throw new TimeoutException($"gowatchd did not become ready within {within.TotalSeconds:0} s:\n{daemon.Output}");
        }
        catch
        {
            daemon.Dispose();
            throw;
        }
    }

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>From the start until the socket answered after the start-up reconciliation (set by <see cref="StartReady"/>).</summary>
    public TimeSpan? ReadyAfter { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>SIGTERM, then wait for the exit (the store is closed when this returns); its exit code.</summary>
    public int Stop(TimeSpan? within = null)
    {
        if (_process.HasExited)
        {
            return _process.ExitCode;
        }
        Signals.Kill(_process.Id, Signals.Term);
        var limit = within ?? TimeSpan.FromSeconds(20);
        if (!_process.WaitForExit(limit))
        {
            _process.Kill();
            _process.WaitForExit();
            throw new TimeoutException($"gowatchd did not stop within {limit.TotalSeconds:0} s of SIGTERM:\n{Output}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>
    /// SIGTERM, expecting exit code 0 and a shutdown that logs no warning or error; otherwise fails
    /// with the daemon's output, which says why.
    /// </summary>
    public void StopCleanly()
    {
        var before = Output.Length;
        var code = Stop();
        if (code != 0)
        {
            throw new InvalidOperationException($"gowatchd exited with {code} after SIGTERM, expected 0:\n{Output}");
        }
        var shutdown = Output[before..];
        if (shutdown.Contains(" WRN] ", StringComparison.Ordinal) || shutdown.Contains(" ERR] ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"gowatchd logged a warning or an error while stopping:\n{shutdown}");
        }
    }

    /// <summary>SIGKILL: no shutdown code runs. <paramref name="withChildren"/> kills the processes it started too (a verification's shells).</summary>
    public void Crash(bool withChildren = false)
    {
        _process.Kill(entireProcessTree: withChildren);
        _process.WaitForExit();
    }

    /// <summary>
    /// A daemon still running is stopped as a user would (SIGTERM, after SIGCONT in case a test froze
    /// it), so its store is closed; one that does not stop in a few seconds is killed.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            Signals.Kill(_process.Id, Signals.Cont);
            Signals.Kill(_process.Id, Signals.Term);
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
            }
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
