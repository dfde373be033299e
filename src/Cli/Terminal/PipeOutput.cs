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

    /// <summary>A writer on descriptor 1 when it is a pipe or socket; null for a file or device, which the console serves.</summary>
    public static TextWriter? Open()
    {
        var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        if (stream.CanSeek)
        {
            // A file: FileStream would write at offsets of its own and leave the shared descriptor's
            // offset behind, so `(gowatch status; gowatch history) > log` would overwrite itself.
            stream.Dispose();
            return null;
        }
        return new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { AutoFlush = true };
    }

    /// <summary>True for the error a write to a pipe nobody reads any more raises.</summary>
    public static bool IsBrokenPipe(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HResult == Epipe || exception.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
    }
}
