namespace GoWatch.Daemon.Watching;

/// <summary>What the daemon does about signals once they have settled.</summary>
public abstract record WatchAction
{
    private WatchAction()
    {
    }

    /// <summary>Observe one path and record what changed.</summary>
    public sealed record RecordPath(string Path) : WatchAction;

    /// <summary>Fingerprint one installation and record what changed.</summary>
    public sealed record RecordInstallation(string Path) : WatchAction;

    /// <summary>Re-arm every watcher and reconcile every watched path (something may have been missed).</summary>
    public sealed record Rescan(string Reason, bool AfterFailure) : WatchAction
    {
        /// <summary>Directories whose watcher was lost: one that cannot be armed again is a watch error.</summary>
        public IReadOnlyList<string> Lost { get; init; } = [];
    }

    /// <summary>Check again the catalogue paths one watch root covers (its watcher dropped events but still runs).</summary>
    public sealed record Recheck(string Root, string Reason) : WatchAction;
}
