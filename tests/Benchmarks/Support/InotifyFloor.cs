using System.Collections.Concurrent;
using System.Diagnostics;

namespace GoWatch.Benchmarks.Support;

/// <summary>
/// Raw inotify delivery, the floor any watcher stands on: <c>inotifywait -m</c> on a directory,
/// each printed line stamped as it is read.
/// </summary>
public sealed class InotifyFloor : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<(string Path, long Timestamp)> _lines = new();
    private readonly Thread _reader;

    private InotifyFloor(Process process)
    {
        _process = process;
        _reader = new Thread(Read) { IsBackground = true, Name = "inotifywait reader" };
        _reader.Start();
    }

    public static bool Available => File.Exists("/usr/bin/inotifywait") || File.Exists("/usr/local/bin/inotifywait");

    public static InotifyFloor Start(string directory)
    {
        var psi = new ProcessStartInfo("inotifywait")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-m", "-e", "close_write", "-e", "moved_to", "--format", "%w%f", directory })
        {
            psi.ArgumentList.Add(a);
        }
        var process = Process.Start(psi)!;
        // It says "Watches established." on stderr once the watch is armed.
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            var line = process.StandardError.ReadLine();
            if (line is null)
            {
                throw new InvalidOperationException("inotifywait exited before arming its watch");
            }
            if (line.Contains("Watches established", StringComparison.Ordinal))
            {
                process.StandardError.ReadToEndAsync();
                return new InotifyFloor(process);
            }
        }
        process.Kill();
        throw new TimeoutException("inotifywait did not arm its watch");
    }

    private void Read()
    {
        while (_process.StandardOutput.ReadLine() is { } line)
        {
            _lines.Add((line, Stopwatch.GetTimestamp()));
        }
        _lines.CompleteAdding();
    }

    /// <summary>Forgets everything seen so far.</summary>
    public void Drain()
    {
        while (_lines.TryTake(out _))
        {
        }
    }

    /// <summary>The timestamp at which a line for <paramref name="path"/> was read, or null after the timeout.</summary>
    public long? WaitFor(string path, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_lines.TryTake(out var line, TimeSpan.FromMilliseconds(50)) && line.Path == path)
            {
                return line.Timestamp;
            }
        }
        return null;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
