namespace GoWatch.Recording.Reporting;

/// <summary>One recorded change of an installation, with the Go version after it when known.</summary>
public sealed record InstallationEvent(long Position, DateTimeOffset Time, string Path, InstallationChange Change, string? VersionBefore, string? VersionAfter);
