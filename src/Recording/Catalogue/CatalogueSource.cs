using GoWatch.Events.Projections;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;

namespace GoWatch.Recording.Catalogue;

/// <summary>
/// The current catalogue, rebuilt on demand from the settings, the installed GoLand versions
/// and their recent projects, and the projects added with <c>gowatch watch add</c> (a fold over
/// the log). Readers always see a complete catalogue, old or new, never one half-built.
/// </summary>
public sealed class CatalogueSource
{
    private readonly GoWatchSettings _settings;
    private readonly IEventReader _store;
    private volatile WatchCatalogue _current;

    public CatalogueSource(GoWatchSettings settings, IEventReader store)
    {
        _settings = settings;
        _store = store;
        _current = Build();
    }

    public WatchCatalogue Current => _current;

    /// <summary>Rebuilds the catalogue; returns true when it changed.</summary>
    public bool Refresh()
    {
        var next = Build();
        var changed = !next.Targets.SequenceEqual(_current.Targets)
            || !next.Installations.SequenceEqual(_current.Installations)
            || !next.RefreshDirectories.SequenceEqual(_current.RefreshDirectories);
        _current = next;
        return changed;
    }

    private WatchCatalogue Build() => WatchCatalogue.Default(_settings, WatchedProjects.Load(_store).Directories);
}
