using System.Diagnostics;
using System.Text;

namespace GoWatch.EndToEnd.Tests.Support;

/// <summary>A real gowatchd process.</summary>
public sealed class DaemonProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

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

    /// <summary>SIGTERM, then wait for a clean exit.</summary>
    public int Stop()
    {
        Signals.Kill(_process.Id, Signals.Term);
        if (!_process.WaitForExit(15_000))
        {
            _process.Kill();
            throw new TimeoutException("gowatchd did not stop within 15 s of SIGTERM:\n" + Output);
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
            throw new Xunit.Sdk.XunitException($"gowatchd exited with {code} after SIGTERM, expected 0:\n{Output}");
        }
        var shutdown = Output[before..];
        if (shutdown.Contains(" WRN] ", StringComparison.Ordinal) || shutdown.Contains(" ERR] ", StringComparison.Ordinal))
        {
            throw new Xunit.Sdk.XunitException($"gowatchd logged a warning or an error while stopping:\n{shutdown}");
        }
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Crash()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
