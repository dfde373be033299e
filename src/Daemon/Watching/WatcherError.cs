namespace GoWatch.Daemon.Watching;

/// <summary>What a watcher's Error means for the watcher and for what it may have missed.</summary>
public enum WatcherErrorKind
{
    /// <summary>The watcher reads nothing more (an inotify queue overflow closes it): it must be replaced.</summary>
    Failed,

    /// <summary>
    /// FSEvents dropped or coalesced events, or a volume was mounted or unmounted below the
    /// root (<c>MustScanSubDirs</c>, <c>UserDropped</c>, <c>KernelDropped</c>, <c>Mount</c>,
    /// <c>Unmount</c>): the stream goes on, but the paths it covers must be checked again.
    /// </summary>
    EventsDropped,

    /// <summary>The watched directory itself was deleted, renamed or replaced (<c>RootChanged</c>): it must be watched again.</summary>
    RootChanged,
}
