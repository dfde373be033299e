namespace GoWatch.Daemon.Tests.Support;

/// <summary>
/// A real <see cref="FileSystemWatcher"/> that can also replay what .NET raises on macOS when
/// FSEvents asks for a rescan: an <see cref="IOException"/> with the unformatted message
/// "Too many changes at once in directory:{0}." and the event's flags as HResult.
/// </summary>
public sealed class RecordedWatcher(string dir) : FileSystemWatcher(dir)
{
    public const int MustScanSubDirs = 0x01;
    public const int UserDropped = 0x02;
    public const int KernelDropped = 0x04;
    public const int RootChanged = 0x20;
    public const int Mount = 0x40;

    public bool IsDisposed { get; private set; }

    /// <summary>Replays one FSEvents rescan request as .NET 10 reports it.</summary>
    public void FsEventsRescan(int flags) =>
        OnError(new ErrorEventArgs(new IOException("Too many changes at once in directory:{0}.", flags)));

    /// <summary>What .NET 10 does on IN_Q_OVERFLOW for a non-recursive watcher: stop reading and raise Error.</summary>
    public void Overflow()
    {
        EnableRaisingEvents = false;
        OnError(new ErrorEventArgs(new InternalBufferOverflowException($"Too many changes at once in directory:{Path}.")));
    }

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
