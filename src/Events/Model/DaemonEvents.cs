namespace GoWatch.Events.Model;

/// <summary>A watcher failed (overflow, directory gone); the daemon rescanned and re-armed it.</summary>
[EventType("WatchError")]
public sealed record WatchError(string Path, string Error, bool Rescanned) : IEvent;

/// <summary>
/// The daemon started. <see cref="PreviousRun"/> says how the run before ended: <c>"stopped"</c>
/// (a <c>DaemonStopped</c> closed it), <c>"crashed"</c> (it never recorded a stop: kill -9, a
/// crash, a power loss), or null for the first run.
/// </summary>
[EventType("DaemonStarted")]
public sealed record DaemonStarted(int Pid, string Version, string Platform, string HostArch, int WatchedFiles, string? PreviousRun = null) : IEvent
{
    public const string Crashed = "crashed";
    public const string Stopped = "stopped";
}

/// <summary>The daemon stopped cleanly.</summary>
[EventType("DaemonStopped")]
public sealed record DaemonStopped(int Pid, string Reason) : IEvent;
