namespace GoWatch.Events.Projections;

/// <summary>A file's last recorded state and the position of the event that recorded it.</summary>
public sealed record FileSnapshot(FileStatus Status, string? Sha256, long Position);
