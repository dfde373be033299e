namespace GoWatch.Events.Projections;

/// <summary>
/// A file's last recorded state, the position of the event that recorded it, and its stream's
/// version then: the version a decision made from this snapshot expects when it appends.
/// </summary>
public sealed record FileSnapshot(FileStatus Status, string? Sha256, long Position, long Version = 0);
