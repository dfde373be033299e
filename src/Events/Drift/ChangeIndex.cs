using System.Collections.Immutable;
using GoWatch.Events.Store;

namespace GoWatch.Events.Drift;

/// <summary>
/// The recorded changes a break can be blamed on: the newest change to each path a finding's
/// evidence names (and each directory above it, so a file inside an installation blames the
/// installation), and the newest change of all. Loading reads the store; blaming does not.
/// </summary>
public sealed record ChangeIndex(ImmutableDictionary<string, EventEnvelope> NewestByPath, EventEnvelope? Newest)
{
    /// <summary>Event types that change the machine. Baselines (FileObserved, InstallationObserved) are not changes.</summary>
    public static readonly IReadOnlyList<string> ChangeTypes = ["FileCreated", "FileChanged", "FileDeleted", "FileReverted", "FileUnreadable", "InstallationChanged"];

    public static ChangeIndex Empty { get; } = new(ImmutableDictionary.Create<string, EventEnvelope>(StringComparer.Ordinal), null);

    /// <summary>
    /// The change most likely to blame for evidence in <paramref name="files"/>: the newest change
    /// to one of them or a directory above one, else the newest change of all (null when nothing changed yet).
    /// </summary>
    public EventEnvelope? Blame(IEnumerable<string?> files)
    {
        EventEnvelope? best = null;
        foreach (var path in files.SelectMany(Ancestry))
        {
            if (NewestByPath.TryGetValue(path, out var e) && (best is null || e.Position > best.Position))
            {
                best = e;
            }
        }
        return best ?? Newest;
    }

    /// <summary>Reads the newest change of every path <see cref="Blame"/> may look at.</summary>
    public static ChangeIndex Load(IEventReader store, IEnumerable<string?> files)
    {
        var byPath = ImmutableDictionary.CreateBuilder<string, EventEnvelope>(StringComparer.Ordinal);
        foreach (var path in files.SelectMany(Ancestry).Distinct(StringComparer.Ordinal))
        {
            if (store.Query(new EventQuery { Path = path, Types = ChangeTypes, Limit = 1 }) is [var newest])
            {
                byPath[path] = newest;
            }
        }
        return new ChangeIndex(byPath.ToImmutable(), store.Query(new EventQuery { Types = ChangeTypes, Limit = 1 }).FirstOrDefault());
    }

    /// <summary>The file itself, then each directory above it, up to (not including) the root.</summary>
    private static IEnumerable<string> Ancestry(string? file)
    {
        for (var path = file; !string.IsNullOrEmpty(path) && path != "/"; path = Path.GetDirectoryName(path))
        {
            yield return path;
        }
    }
}
