namespace GoWatch.Recording.Reporting;

/// <summary>When and why the daemon last stopped cleanly.</summary>
public sealed record DaemonStop(DateTimeOffset Time, string Reason);
