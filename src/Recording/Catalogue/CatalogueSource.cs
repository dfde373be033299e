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
    private volatile string? _goEnvFile;

    public CatalogueSource(GoWatchSettings settings, IEventReader store)
    {
        _settings = settings;
        _store = store;
        _current = Build();
    }

    public WatchCatalogue Current => _current;

    /// <summary>Raised with the file when Go's env file moved (GOENV in the login shell) and the catalogue took it in.</summary>
    public event Action<string>? GoEnvFileMoved;

    /// <summary>
    /// Watches the Go env file a verification found Go reading (SPEC §3: the one <c>go env GOENV</c>
    /// names) beside the default one; returns true when that changed the catalogue.
    /// </summary>
    public bool UseGoEnvFile(string path)
    {
        var moved = path == _settings.GoEnvFile ? null : path;
        if (moved == _goEnvFile)
        {
            return false;
        }
        _goEnvFile = moved;
        Refresh();
        GoEnvFileMoved?.Invoke(path);
        return true;
    }

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

    private WatchCatalogue Build() => WatchCatalogue.Default(_settings, WatchedProjects.Load(_store).Directories, _goEnvFile);
}
