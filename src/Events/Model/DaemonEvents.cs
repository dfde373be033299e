namespace GoWatch.Events.Model;

/// <summary>A watcher failed (overflow, directory gone); the daemon rescanned and re-armed it.</summary>
[EventType("WatchError")]
public sealed record WatchError(string Path, string Error, bool Rescanned) : IEvent;

/// <summary>The daemon started.</summary>
[EventType("DaemonStarted")]
public sealed record DaemonStarted(int Pid, string Version, string Platform, string HostArch, int WatchedFiles) : IEvent;

/// <summary>The daemon stopped cleanly.</summary>
[EventType("DaemonStopped")]
public sealed record DaemonStopped(int Pid, string Reason) : IEvent;
