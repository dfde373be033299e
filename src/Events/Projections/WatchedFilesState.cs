using System.Collections.Immutable;
using GoWatch.Events.Model;

namespace GoWatch.Events.Projections;

/// <summary>
/// Current content hash of every watched file: a fold over the file events, rebuildable from
/// the log at any time (<see cref="Fold"/>).
/// </summary>
public sealed record WatchedFilesState(ImmutableDictionary<string, FileSnapshot> Files)
{
    public static WatchedFilesState Empty { get; } = new(ImmutableDictionary.Create<string, FileSnapshot>(StringComparer.Ordinal));

    public static WatchedFilesState Fold(IEnumerable<EventEnvelope> events) => events.Aggregate(Empty, (s, e) => s.When(e));

    public FileSnapshot? this[string path] => Files.GetValueOrDefault(path);

    public WatchedFilesState When(EventEnvelope e) => e.Data switch
    {
        FileObserved o => Set(o.Path, new FileSnapshot(FileStatus.Present, o.Sha256, e.Position, e.Version)),
        FileCreated c => Set(c.Path, new FileSnapshot(FileStatus.Present, c.AfterSha256, e.Position, e.Version)),
        FileChanged c => Set(c.Path, new FileSnapshot(FileStatus.Present, c.AfterSha256, e.Position, e.Version)),
        FileDeleted d => Set(d.Path, new FileSnapshot(FileStatus.Absent, null, e.Position, e.Version)),
        FileUnreadable u => Set(u.Path, new FileSnapshot(FileStatus.Unreadable, null, e.Position, e.Version)),
        FileReverted r => Set(r.Path, new FileSnapshot(r.ToSha256 is null ? FileStatus.Absent : FileStatus.Present, r.ToSha256, e.Position, e.Version)),
        _ => this,
    };

    private WatchedFilesState Set(string path, FileSnapshot snapshot) => this with { Files = Files.SetItem(path, snapshot) };
}
