namespace GoWatch.Events.Model;

// File events: content snapshots of watched files. Hashes are lowercase hex sha256; a null
// hash means "no content recorded" (absent, or too large to snapshot).

/// <summary>A watched file appeared.</summary>
[EventType("FileCreated")]
public sealed record FileCreated(string Path, string? AfterSha256, long Size, bool ContentStored, string FileClass) : IFileEvent;

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
