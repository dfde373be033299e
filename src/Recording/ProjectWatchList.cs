using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Projections;
using GoWatch.Events.Store;

namespace GoWatch.Recording;

/// <summary>Adds or removes a project directory of <c>gowatch watch</c>; recording nothing when it is already so.</summary>
public static class ProjectWatchList
{
    public static EventEnvelope? Set(IEventStore store, string directory, bool watched, string source)
    {
        var events = store.ReadStream(WatchedProjects.Stream);
        var current = WatchedProjects.Fold(events);
        if (current.Directories.Contains(directory) == watched)
        {
            return null;
        }
        IEvent data = watched ? new ProjectWatched(directory) : new ProjectUnwatched(directory);
        var expected = events.Count == 0 ? ExpectedVersion.NoStream : events[^1].Version;
        return store.Append(new AppendRequest(WatchedProjects.Stream, expected, [new NewEvent(data, source)])).Events[0];
    }
}
