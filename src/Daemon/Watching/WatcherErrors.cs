namespace GoWatch.Daemon.Watching;

/// <summary>
/// Reads a <see cref="FileSystemWatcher"/> Error. On macOS .NET reports every FSEvents flag
/// that calls for a rescan as a plain <see cref="IOException"/> whose message is the unformatted
/// resource string (it holds a literal <c>{0}</c>) and whose HResult is the event's flags, not
/// as an <see cref="InternalBufferOverflowException"/>.
/// </summary>
public static class WatcherErrors
{
    private const int MustScanSubDirs = 0x01;
    private const int UserDropped = 0x02;
    private const int KernelDropped = 0x04;
    private const int RootChanged = 0x20;
    private const int Mount = 0x40;
    private const int Unmount = 0x80;

    public static WatcherErrorKind Classify(Exception error, bool fsEvents)
    {
        if (!fsEvents || error.GetType() != typeof(IOException) || !IsFsEventsRescan(error.Message))
        {
            return WatcherErrorKind.Failed;
        }
        var flags = error.HResult;
        if ((flags & RootChanged) != 0)
        {
            return WatcherErrorKind.RootChanged;
        }
        // Any other flag that made .NET stop reading the batch means events were lost.
        return WatcherErrorKind.EventsDropped;
    }

    /// <summary>Names the FSEvents flags an error carries, for logs (<c>KernelDropped, Mount</c>).</summary>
    public static string Describe(Exception error, bool fsEvents)
    {
        if (error is InternalBufferOverflowException)
        {
            return $"event queue overflowed: {error.Message}";
        }
        if (!fsEvents || error.GetType() != typeof(IOException) || !IsFsEventsRescan(error.Message))
        {
            return error.Message;
        }
        var flags = error.HResult;
        var names = new List<string>();
        foreach (var (bit, name) in new[] { (MustScanSubDirs, "MustScanSubDirs"), (UserDropped, "UserDropped"), (KernelDropped, "KernelDropped"), (RootChanged, "RootChanged"), (Mount, "Mount"), (Unmount, "Unmount") })
        {
            if ((flags & bit) != 0)
            {
                names.Add(name);
            }
        }
        return $"FSEvents asked for a rescan ({(names.Count == 0 ? $"flags 0x{flags:x}" : string.Join(", ", names))})";
    }

    // SR.FSW_BufferOverflow, "Too many changes at once in directory:{0}.", passed unformatted.
    private static bool IsFsEventsRescan(string message) =>
        message.Contains("{0}", StringComparison.Ordinal) || message.StartsWith("Too many changes at once", StringComparison.Ordinal);
}
