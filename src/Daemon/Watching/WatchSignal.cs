namespace GoWatch.Daemon.Watching;

/// <summary>What the file system told us.</summary>
public abstract record WatchSignal
{
    private WatchSignal()
    {
    }

    /// <summary>A catalogue path was created, written, renamed to or from, or deleted.</summary>
    public sealed record PathTouched(string Path) : WatchSignal;

    /// <summary>Something changed in or beside a Go installation or Homebrew prefix.</summary>
    public sealed record InstallationTouched(string Path) : WatchSignal;

    /// <summary>A directory on the way to a watched one appeared or went away: the watchers must be re-armed.</summary>
    public sealed record TopologyChanged(string Path) : WatchSignal;

    /// <summary>A watcher failed (queue overflow, watched directory gone); events may be lost.</summary>
    public sealed record WatcherFailed(string Directory, string Error) : WatchSignal;

    /// <summary>A watcher still runs but dropped events (FSEvents); what it covers must be checked again.</summary>
    public sealed record EventsDropped(string Root, string Error) : WatchSignal;

    /// <summary>A watched directory itself was deleted or replaced (FSEvents <c>RootChanged</c>): its watcher was let go and must be armed again.</summary>
    public sealed record WatcherLost(string Directory, string Error) : WatchSignal;
}
