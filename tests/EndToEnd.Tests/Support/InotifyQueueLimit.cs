namespace GoWatch.EndToEnd.Tests.Support;

/// <summary>
/// fs.inotify.max_queued_events, which the kernel copies into an inotify instance when the
/// instance is created: lowered for a moment, it shrinks only the queues created meanwhile.
/// The setting is machine-wide, so a lock file serialises every change and holds the original
/// value until it is restored, for the next run to put back if this one was killed mid-way.
/// </summary>
public sealed class InotifyQueueLimit : IDisposable
{
    public const string SysctlPath = "/proc/sys/fs/inotify/max_queued_events";
    private static readonly string LockPath = Path.Combine(Path.GetTempPath(), "gowatch-e2e-max_queued_events.lock");

    private readonly FileStream _lock;
    private bool _restored;

    private InotifyQueueLimit(FileStream fileLock, int original)
    {
        _lock = fileLock;
        Original = original;
    }

    /// <summary>Why the limit cannot be changed on this machine, or null when it can.</summary>
    public static string? Unavailable { get; } = Probe();

    public int Original { get; }

    public static int Current => int.Parse(File.ReadAllText(SysctlPath).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public static InotifyQueueLimit Lower(int events)
    {
        var fileLock = AcquireLock(TimeSpan.FromMinutes(2));
        try
        {
            var stale = new StreamReader(fileLock, leaveOpen: true).ReadToEnd().Trim();
            if (stale.Length > 0)
            {
                File.WriteAllText(SysctlPath, stale);
            }
            var original = Current;
            fileLock.SetLength(0);
            fileLock.Write(System.Text.Encoding.ASCII.GetBytes(original.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fileLock.Flush(flushToDisk: true);
            File.WriteAllText(SysctlPath, events.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new InotifyQueueLimit(fileLock, original);
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>Puts the original value back (once); instances created from now on get the normal queue.</summary>
    public void Restore()
    {
        if (_restored)
        {
            return;
        }
        File.WriteAllText(SysctlPath, Original.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _lock.SetLength(0);
        _lock.Flush(flushToDisk: true);
        _restored = true;
    }

    public void Dispose()
    {
        try
        {
            Restore();
        }
        finally
        {
            _lock.Dispose();
        }
    }

    private static FileStream AcquireLock(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix.
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static string? Probe()
    {
        if (!File.Exists(SysctlPath))
        {
            return $"{SysctlPath} does not exist: lowering the inotify queue needs Linux";
        }
        try
        {
            using var _ = new FileStream(SysctlPath, FileMode.Open, FileAccess.Write);
            return null;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return $"{SysctlPath} is not writable ({ex.Message}): lowering the inotify queue needs root and a writable /proc/sys";
        }
    }
}

/// <summary>A fact that lowers fs.inotify.max_queued_events: skipped, with the reason, where that is not allowed.</summary>
public sealed class InotifyQueueFactAttribute : FactAttribute
{
    public InotifyQueueFactAttribute()
    {
        if (InotifyQueueLimit.Unavailable is { } why)
        {
            Skip = why;
        }
    }
}
