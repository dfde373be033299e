using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace GoWatch.Platform.Processes;

/// <summary>
/// Starts processes with an argv array, captures their output and kills the whole process tree
/// when the timeout passes (a login shell that hangs must not leave children behind).
/// </summary>
public static class ProcessRunner
{
    public static ProcessResult Run(ProcessSpec spec) => RunAsync(spec, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? string.Empty,
        };
        foreach (var arg in spec.Arguments)
        {
            psi.ArgumentList.Add(arg);
        }
        if (spec.Environment is { } env)
        {
            psi.Environment.Clear();
            foreach (var (key, value) in env)
            {
                psi.Environment[key] = value;
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return new ProcessResult(-1, "", "", false, clock.Elapsed, ex.Message);
        }

        var capped = 0;
        void OnCap()
        {
            if (Interlocked.Exchange(ref capped, 1) == 0)
            {
                Kill(process);
            }
        }
        var stdout = ReadCappedAsync(process.StandardOutput, spec.MaxOutputChars, OnCap);
        var stderr = ReadCappedAsync(process.StandardError, spec.MaxOutputChars, OnCap);
        try
        {
            if (spec.StandardInput is { } input)
            {
                await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited before reading its input; its output still tells what happened.
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(spec.Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            Kill(process);
            if (!timedOut)
            {
                throw;
            }
        }

        // Grandchildren may hold the pipes open after the child died; do not wait on them forever.
        var drained = Task.WhenAll(stdout, stderr);
        if (await Task.WhenAny(drained, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false) != drained)
        {
            Kill(process);
        }
        var exitCode = process.HasExited ? process.ExitCode : -1;
        return new ProcessResult(exitCode, stdout.IsCompletedSuccessfully ? stdout.Result : "", stderr.IsCompletedSuccessfully ? stderr.Result : "", timedOut, clock.Elapsed)
        {
            OutputCapped = Volatile.Read(ref capped) == 1,
        };
    }

    /// <summary>Reads a child's stream up to <paramref name="cap"/> characters; past that it calls <paramref name="onCap"/> and stops reading.</summary>
    private static async Task<string> ReadCappedAsync(StreamReader reader, int cap, Action onCap)
    {
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false)) > 0)
        {
            var take = Math.Min(read, cap - text.Length);
            text.Append(buffer, 0, take);
            if (take < read)
            {
                onCap();
                break;
            }
        }
        return text.ToString();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(2000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
