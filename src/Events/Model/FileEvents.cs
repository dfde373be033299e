namespace GoWatch.Events.Model;

// File events: content snapshots of watched files. Hashes are lowercase hex sha256; a null
// hash means "no content recorded" (absent, or too large to snapshot).

/// <summary>
/// The first sighting of a file that already existed before GoWatch watched it (the first start,
/// <c>watch add</c>, a grown catalogue): a baseline, never a change. Nothing is ever reverted to
/// "before" it, and no revert deletes a file because of it.
/// </summary>
[EventType("FileObserved")]
public sealed record FileObserved(string Path, string? Sha256, long Size, int Mode, bool ContentStored, string FileClass) : IFileEvent;

/// <summary>
/// A watched file appeared: GoWatch saw it absent (recorded, or looked at while watching) and then present.
/// <see cref="Witnessed"/> is true for every event this version records; events of older versions
/// lack it (false), because they also recorded first sightings as creations — so a revert never
/// deletes a file on their word.
/// </summary>
[EventType("FileCreated")]
public sealed record FileCreated(string Path, string? AfterSha256, long Size, bool ContentStored, string FileClass, bool Witnessed = false) : IFileEvent;

/// <summary>A watched file's content changed.</summary>
[EventType("FileChanged")]
public sealed record FileChanged(string Path, string? BeforeSha256, string? AfterSha256, int LinesAdded, int LinesRemoved, long Size, bool ContentStored, string FileClass) : IFileEvent;

/// <summary>A watched file disappeared.</summary>
[EventType("FileDeleted")]
public sealed record FileDeleted(string Path, string? BeforeSha256, string FileClass) : IFileEvent;

/// <summary>A watched file exists but cannot be read (permissions, a directory in its place, a symlink loop).</summary>
[EventType("FileUnreadable")]
public sealed record FileUnreadable(string Path, string Reason, string FileClass) : IFileEvent;

/// <summary>GoWatch restored a file to the content it had before <see cref="RevertedPosition"/>.</summary>
[EventType("FileReverted")]
public sealed record FileReverted(string Path, long RevertedPosition, string? ToSha256, string? BackupSha256) : IFileEvent;
