using System.Diagnostics;
using System.Text;

namespace GoWatch.Benchmarks.Support;

/// <summary>A running gowatchd, its output kept for the report when something goes wrong.</summary>
public sealed class DaemonProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    public DaemonProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Milliseconds from Process.Start until the socket answered after the start-up reconciliation.</summary>
    public double ReadyMs { get; set; }

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

    public long Rss => ProcFs.Rss(Pid);
    public long PeakRss => ProcFs.PeakRss(Pid);
    public double CpuSeconds => ProcFs.CpuSeconds(Pid);

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

    /// <summary>SIGTERM and wait for the clean exit (the store is closed when this returns).</summary>
    public void Stop()
    {
        if (_process.HasExited)
        {
            return;
        }
        _ = ProcFs.Kill(Pid, ProcFs.SigTerm);
        if (!_process.WaitForExit(20_000))
        {
            _process.Kill();
            _process.WaitForExit();
            throw new TimeoutException("gowatchd did not stop within 20 s of SIGTERM");
        }
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            Stop();
        }
        catch (TimeoutException)
        {
        }
        _process.Dispose();
    }
}
