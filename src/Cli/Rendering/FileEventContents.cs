using GoWatch.Cli.Backend;
using GoWatch.Events;
using GoWatch.Events.Model;

namespace GoWatch.Cli.Rendering;

/// <summary>The content before and after a file event, fetched from the store's snapshots.</summary>
public sealed record FileEventContents(string Path, byte[]? Before, byte[]? After, string? Missing)
{
    /// <summary>The file did not exist before the event (it created it).</summary>
    public bool Created { get; init; }

    /// <summary>The file did not exist after the event (it deleted it).</summary>
    public bool Removed { get; init; }

    /// <summary>The patch of this event, secrets masked unless <paramref name="showSecrets"/>.</summary>
    public string Patch(bool showSecrets) => UnifiedDiff.Create(
        Created ? null : Secrets.Mask(Before ?? [], showSecrets),
        Removed ? null : Secrets.Mask(After ?? [], showSecrets),
        Path);

    /// <summary>Null when <paramref name="e"/> is not a file event.</summary>
    public static FileEventContents? Load(EventEnvelope e, IGoWatchBackend backend)
    {
        (string Path, string? Before, string? After)? hashes = e.Data switch
        {
            FileObserved o => (o.Path, null, o.Sha256),
            FileCreated c => (c.Path, null, c.AfterSha256),
            FileChanged c => (c.Path, c.BeforeSha256, c.AfterSha256),
            FileDeleted d => (d.Path, d.BeforeSha256, null),
            FileReverted r => (r.Path, r.BackupSha256, r.ToSha256),
            FileUnreadable u => (u.Path, null, null),
            _ => null,
        };
        if (hashes is not { } h)
        {
            return null;
        }
        var before = h.Before is null ? [] : backend.GetBlob(h.Before);
        var after = h.After is null ? [] : backend.GetBlob(h.After);
        var missing = (before, after) switch
        {
            (null, _) or (_, null) => "the content was not kept (the file was larger than the snapshot cap, or unreadable)",
            _ => null,
        };
        return new FileEventContents(h.Path, before, after, missing) { Created = h.Before is null, Removed = h.After is null };
    }
}
