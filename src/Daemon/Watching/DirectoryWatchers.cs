using System.Reactive.Linq;
using System.Reactive.Subjects;
using GoWatch.Platform;
using GoWatch.Platform.Locations;
using GoWatch.Recording.Catalogue;
using Microsoft.Extensions.Logging;

namespace GoWatch.Daemon.Watching;

/// <summary>
/// Watches the roots <see cref="WatchRoots"/> computes for the current catalogue, never one
/// file at a time (an editor's atomic save replaces the file's inode, which a per-file watch
/// would lose). On Linux each directory is watched on its own, with its parent so its deletion
/// or replacement is seen; on macOS each root is one FSEvents stream, as deep as it can be.
/// Every change is turned into a <see cref="WatchSignal"/>.
/// </summary>
public sealed class DirectoryWatchers : IDisposable
{
    private readonly Func<WatchCatalogue> _catalogue;
    private volatile DirectoryCache? _directories;
    private readonly GoWatchSettings _settings;
    private readonly ILogger _log;
    private readonly Func<string, FileSystemWatcher> _newWatcher;
    private readonly Subject<WatchSignal> _signals = new();
    private readonly Dictionary<string, Armed> _watchers = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private bool _disposed;

    private sealed record Armed(WatchRoot Root, FileSystemWatcher Watcher);

    public DirectoryWatchers(WatchCatalogue catalogue, GoWatchSettings settings, ILogger<DirectoryWatchers> log)
        : this(() => catalogue, settings, log)
    {
    }

    public DirectoryWatchers(Func<WatchCatalogue> catalogue, GoWatchSettings settings, ILogger<DirectoryWatchers> log)
        : this(catalogue, settings, log, dir => new FileSystemWatcher(dir))
    {
    }

    internal DirectoryWatchers(Func<WatchCatalogue> catalogue, GoWatchSettings settings, ILogger<DirectoryWatchers> log, Func<string, FileSystemWatcher> newWatcher)
    {
        _catalogue = catalogue;
        _settings = settings;
        _log = log;
        _newWatcher = newWatcher;
    }

    private bool FsEvents => _settings.Platform == PlatformKind.MacOS;

    public IObservable<WatchSignal> Signals => _signals.AsObservable();

    /// <summary>Directories being watched right now.</summary>
    public IReadOnlyCollection<string> WatchedDirectories
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Keys.ToList();
            }
        }
    }

    /// <summary>The roots being watched right now, by path.</summary>
    public IReadOnlyList<WatchRoot> Roots
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Values.Select(a => a.Root).OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>
    /// (Re)computes the roots to watch and adds or drops watchers to match. Returns the roots
    /// that could not be watched, with why; the next rescan tries them again.
    /// </summary>
    public IReadOnlyList<(string Directory, string Error)> Arm()
    {
        var failures = new List<(string, string)>();
        lock (_gate)
        {
            if (_disposed)
            {
                return failures;
            }
            var wanted = WatchRoots.Compute(_catalogue(), _settings).ToDictionary(r => r.Path, StringComparer.Ordinal);

            foreach (var gone in _watchers.Where(w => !wanted.TryGetValue(w.Key, out var root) || root != w.Value.Root || !Directory.Exists(w.Key)).Select(w => w.Key).ToList())
            {
                _watchers[gone].Watcher.Dispose();
                _watchers.Remove(gone);
            }
            foreach (var root in wanted.Values.Where(r => !_watchers.ContainsKey(r.Path)))
            {
                try
                {
                    _watchers[root.Path] = new Armed(root, Create(root));
                }
                catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
                {
                    // Out of inotify watches, a stream FSEvents refused, or the directory vanished meanwhile.
                    _log.LogWarning("Cannot watch {Directory}: {Error}", root.Path, ex.Message);
                    failures.Add((root.Path, ex.Message));
                }
            }
        }
        return failures;
    }

    private FileSystemWatcher Create(WatchRoot root)
    {
        var dir = root.Path;
        var watcher = _newWatcher(dir);
        watcher.IncludeSubdirectories = root.Recursive;
        watcher.InternalBufferSize = 64 * 1024;
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.Attributes | NotifyFilters.CreationTime;
        string Map(string path) => root.ToCataloguePath(path);
        watcher.Changed += (_, e) => OnPath(root, Map(e.FullPath), structural: false);
        watcher.Created += (_, e) =>
        {
            DropReplaced(e.FullPath);
            OnPath(root, Map(e.FullPath), structural: true);
        };
        watcher.Deleted += (_, e) =>
        {
            DropReplaced(e.FullPath);
            OnPath(root, Map(e.FullPath), structural: true);
        };
        watcher.Renamed += (_, e) =>
        {
            DropReplaced(e.OldFullPath);
            DropReplaced(e.FullPath);
            OnPath(root, Map(e.OldFullPath), structural: true);
            OnPath(root, Map(e.FullPath), structural: true);
        };
        Exception? startError = null;
        var started = false;
        watcher.Error += (_, e) =>
        {
            var error = e.GetException();
            if (!Volatile.Read(ref started))
            {
                // FSEvents refused the stream while it was being started: Arm reports it.
                startError = error;
                return;
            }
            OnError(root, watcher, error);
        };
        watcher.EnableRaisingEvents = true;
        Volatile.Write(ref started, true);
        if (startError is not null)
        {
            watcher.Dispose();
            throw new IOException(startError.Message, startError);
        }
        return watcher;
    }

    private void OnError(WatchRoot root, FileSystemWatcher watcher, Exception error)
    {
        var description = WatcherErrors.Describe(error, FsEvents);
        switch (WatcherErrors.Classify(error, FsEvents))
        {
            case WatcherErrorKind.EventsDropped:
                // The stream keeps running; only what it covers needs another look.
                _log.LogInformation("Events dropped under {Directory}: {Error}", root.Path, description);
                Emit(new WatchSignal.EventsDropped(root.CataloguePath, description));
                break;
            case WatcherErrorKind.RootChanged:
                DropFailed(root.Path, watcher);
                Emit(new WatchSignal.WatcherLost(root.Path, description));
                break;
            default:
                DropFailed(root.Path, watcher);
                Emit(new WatchSignal.WatcherFailed(root.Path, description));
                break;
        }
    }

    /// <summary>
    /// A watched directory's own entry was created, deleted or renamed in its parent: its
    /// watcher follows the old directory (inotify watches an inode, not a path), which may now
    /// live elsewhere under another name while a new directory or a symlink took the path. It
    /// is dropped, so the rescan that follows arms a watcher on whatever the path is now.
    /// </summary>
    private void DropReplaced(string path)
    {
        lock (_gate)
        {
            if (!_disposed && _watchers.Remove(path, out var stale))
            {
                stale.Watcher.Dispose();
            }
        }
    }

    /// <summary>
    /// A watcher that raised Error reads nothing more yet still looks enabled (on .NET 10 a
    /// non-recursive watcher closes its inotify instance after a queue overflow and never
    /// reopens it): it is dropped, so the rescan that follows arms a fresh one.
    /// </summary>
    private void DropFailed(string dir, FileSystemWatcher failed)
    {
        lock (_gate)
        {
            if (!_disposed && _watchers.TryGetValue(dir, out var current) && ReferenceEquals(current.Watcher, failed))
            {
                _watchers.Remove(dir);
            }
        }
        failed.Dispose();
    }

    private void OnPath(WatchRoot root, string path, bool structural)
    {
        // One change can mean several things: a Go root appearing is both an installation
        // change and a new directory to watch.
        var catalogue = _catalogue();
        if (catalogue.Find(path) is not null)
        {
            Emit(new WatchSignal.PathTouched(path));
        }
        if (catalogue.FindInstallation(path) is { } installation)
        {
            Emit(new WatchSignal.InstallationTouched(installation));
        }
        // Below a recursive root a directory's own metadata changes whenever an entry in it
        // does: only its creation, deletion or renaming changes what must be watched.
        if ((structural || !root.Recursive)
            && (catalogue.AffectsCatalogue(path) || LeadsToWatchedDirectory(catalogue, root, path)))
        {
            Emit(new WatchSignal.TopologyChanged(path));
        }
    }

    // A loop, not LINQ: asked for every event of a burst, it must not allocate.
    private bool LeadsToWatchedDirectory(WatchCatalogue catalogue, WatchRoot root, string path)
    {
        foreach (var dir in DirectoriesOf(catalogue))
        {
            if (IsSameOrAncestor(path, dir) && dir != root.CataloguePath)
            {
                return true;
            }
        }
        return false;
    }

    private void Emit(WatchSignal signal)
    {
        lock (_signals)
        {
            if (!_disposed)
            {
                _signals.OnNext(signal);
            }
        }
    }

    /// <summary>
    /// The catalogue's directories, computed once per catalogue: every write in a watched directory
    /// asks, and computing them each time made a burst of writes allocate ~20 KB per event.
    /// </summary>
    private string[] DirectoriesOf(WatchCatalogue catalogue)
    {
        var cached = _directories;
        if (cached is null || !ReferenceEquals(cached.Catalogue, catalogue))
        {
            cached = new DirectoryCache(catalogue, catalogue.Directories().ToArray());
            _directories = cached;
        }
        return cached.Directories;
    }

    private sealed record DirectoryCache(WatchCatalogue Catalogue, string[] Directories);

    private static bool IsSameOrAncestor(string candidate, string dir)
    {
        var prefix = candidate.AsSpan().TrimEnd('/');
        return dir == candidate
            || (dir.Length > prefix.Length && dir[prefix.Length] == '/' && dir.AsSpan().StartsWith(prefix, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            lock (_signals)
            {
                if (_disposed)
                {
                    return;
                }
                _disposed = true;
            }
            foreach (var armed in _watchers.Values)
            {
                armed.Watcher.Dispose();
            }
            _watchers.Clear();
            _signals.OnCompleted();
            _signals.Dispose();
        }
    }
}
