using GoWatch.Events;
using GoWatch.Events.Store;

namespace GoWatch.Recording.Verification;

/// <summary>
/// Which recorded change most likely broke a check: the newest change to a file the finding's
/// evidence points at (or to an installation containing it), else the newest change of all.
/// </summary>
public static class Blame
{
    public static EventEnvelope? Find(IEventReader store, IEnumerable<string?> evidenceFiles)
    {
        EventEnvelope? best = null;
        foreach (var file in evidenceFiles.Where(f => !string.IsNullOrEmpty(f)).Distinct(StringComparer.Ordinal))
        {
            // The file itself, then each directory above it (an installation root such as /usr/local/go).
            for (var path = file; !string.IsNullOrEmpty(path) && path != "/"; path = Path.GetDirectoryName(path))
            {
                var newest = store.Query(new EventQuery { Path = path, Types = ChangeTypes.All, Limit = 1 }).FirstOrDefault();
                if (newest is not null && (best is null || newest.Position > best.Position))
                {
                    best = newest;
                }
            }
        }
        return best ?? store.Query(new EventQuery { Types = ChangeTypes.All, Limit = 1 }).FirstOrDefault();
    }
}
