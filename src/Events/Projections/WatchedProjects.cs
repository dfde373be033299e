using System.Collections.Immutable;
using GoWatch.Events.Model;
using GoWatch.Events.Store;

namespace GoWatch.Events.Projections;

/// <summary>The project directories added with <c>gowatch watch add</c>: a fold over the <c>projects</c> stream.</summary>
public sealed record WatchedProjects(ImmutableSortedSet<string> Directories)
{
    public const string Stream = "projects";

    public static WatchedProjects Empty { get; } = new(ImmutableSortedSet.Create<string>(StringComparer.Ordinal));

    public static WatchedProjects Load(IEventReader store) => Fold(store.ReadStream(Stream));

    public static WatchedProjects Fold(IEnumerable<EventEnvelope> events) => events.Aggregate(Empty, (s, e) => s.When(e));

    public WatchedProjects When(EventEnvelope e) => e.Data switch
    {
        ProjectWatched w => this with { Directories = Directories.Add(w.Directory) },
        ProjectUnwatched u => this with { Directories = Directories.Remove(u.Directory) },
        _ => this,
    };
}
