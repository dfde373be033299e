using System.Runtime.InteropServices;
using System.Text;

namespace GoWatch.Events.Store.LiteDb;

/// <summary>
/// Exactly one process opens the store. The lock is an exclusive <c>flock</c> on the data
/// directory itself: the kernel releases it when the holder dies (even by <c>kill -9</c>), and
/// unlike a lock file nobody can delete it away — removing the directory removes the store too,
/// so two writers on one store cannot happen by accident. The lock file beside the store only
/// says who holds the lock (pid and command), so a refusal can name them.
/// </summary>
public sealed partial class StoreLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    // flock(LOCK_NB) on a held lock: EWOULDBLOCK is 11 on Linux, 35 on macOS.
    private static bool IsWouldBlock(int errno) => errno is 11 or 35;

    private int _fd;

    private StoreLock(string path, int fd)
    {
        Path = path;
        _fd = fd;
    }

    /// <summary>The lock file that names the holder.</summary>
    public string Path { get; }

    /// <exception cref="StoreLockedException">another process holds it; the exception names it when it can.</exception>
    /// <exception cref="IOException">the data directory cannot be opened or locked (missing, unreadable, …).</exception>
    public static StoreLock Acquire(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        // O_RDONLY is enough to flock a directory. O_CLOEXEC, or every child process (a login
        // shell, go) would inherit the descriptor and keep the store locked after this process lets go.
        var fd = Open(directory, OperatingSystem.IsMacOS() ? 0x1000000 : 0x80000);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"Cannot open the data directory {directory} to lock it: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }
        if (Flock(fd, LockExclusive | LockNonBlocking) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Close(fd);
            if (IsWouldBlock(errno))
            {
                throw new StoreLockedException(path, ReadHolder(path));
            }
            throw new IOException($"Cannot lock the data directory {directory}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }
        var storeLock = new StoreLock(path, fd);
        storeLock.WriteHolder();
        return storeLock;
    }

    /// <summary>Tries to take the lock; null when another process holds it.</summary>
    public static StoreLock? TryAcquire(string path)
    {
        try
        {
            return Acquire(path);
        }
        catch (StoreLockedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Takes the lock, waiting while another process holds it — a CLI command holds it for
    /// milliseconds — with a growing pause between tries, up to <paramref name="patience"/>.
    /// </summary>
    /// <exception cref="StoreLockedException">still held when the patience ran out.</exception>
    public static StoreLock AcquireWaiting(string path, TimeSpan patience, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + patience;
        var pause = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            try
            {
                return Acquire(path);
            }
            catch (StoreLockedException) when (DateTime.UtcNow + pause < deadline)
            {
                cancellationToken.WaitHandle.WaitOne(pause);
                cancellationToken.ThrowIfCancellationRequested();
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks));
            }
        }
    }

    /// <summary>Who holds the lock, as the holder wrote it ("pid 4242: gowatch history"), or null.</summary>
    public static string? ReadHolder(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            var lines = text.Split('\n', 2);
            return lines.Length == 2 && int.TryParse(lines[0], out var pid) ? $"pid {pid}: {lines[1].Trim()}" : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void WriteHolder()
    {
        try
        {
            var args = Environment.GetCommandLineArgs();
            var command = string.Join(' ', new[] { System.IO.Path.GetFileNameWithoutExtension(args[0]) }.Concat(args.Skip(1)));
            if (command.Length > 200)
            {
                command = command[..200] + "…";
            }
            using var stream = new FileStream(Path, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                Share = FileShare.ReadWrite,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
            stream.Write(Encoding.UTF8.GetBytes($"{Environment.ProcessId}\n{command.ReplaceLineEndings(" ")}\n"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only the name of the holder is lost; the lock itself is held.
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
