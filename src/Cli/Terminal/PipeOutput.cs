using Microsoft.Win32.SafeHandles;

namespace GoWatch.Cli.Terminal;

/// <summary>
/// Stdout for a pipe or file, written straight to descriptor 1 so that a reader that went away
/// shows up as a broken-pipe <see cref="IOException"/> at the next write (the console stream
/// swallows it, and .NET ignores SIGPIPE): the command then ends quietly instead of writing on
/// into nothing, or waiting forever for events to follow.
/// </summary>
public static class PipeOutput
{
    private const int Epipe = 32; // the same on Linux and macOS

    public static TextWriter Open() =>
        new StreamWriter(new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0), new System.Text.UTF8Encoding(false))
        {
            AutoFlush = true,
        };

    /// <summary>True for the error a write to a pipe nobody reads any more raises.</summary>
    public static bool IsBrokenPipe(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HResult == Epipe || exception.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
    }
}
