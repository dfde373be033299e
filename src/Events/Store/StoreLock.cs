namespace GoWatch.Events.Store;

/// <summary>
/// The exclusive lock file beside the store. .NET maps <see cref="FileShare.None"/> to an
/// advisory <c>flock</c> on Unix, which the kernel releases when the holder dies (even by
/// <c>kill -9</c>), so a crashed daemon never leaves a stale lock behind.
/// </summary>
public sealed class StoreLock : IDisposable
{
    private readonly FileStream _stream;

    private StoreLock(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    /// <exception cref="StoreLockedException">another process holds it.</exception>
    /// <exception cref="IOException">the lock file cannot be created or opened (read-only file system, …).</exception>
    public static StoreLock Acquire(string path)
    {
        try
        {
            var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
            return new StoreLock(path, stream);
        }
        catch (IOException ex) when (IsHeldByAnother(ex))
        {
            throw new StoreLockedException(path);
        }
    }

    // flock(LOCK_NB) fails with EWOULDBLOCK (Linux 11, macOS 35), which .NET reports as the
    // IOException's HResult. Anything else (a read-only or full file system, an I/O error) is
    // not "in use by another process" and must not be reported as such.
    private static bool IsHeldByAnother(IOException ex) =>
        ex is not FileNotFoundException and not DirectoryNotFoundException
        && ex.HResult is 11 or 35 or unchecked((int)0x80070020);

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

    public void Dispose() => _stream.Dispose();
}
