using System.Reactive.Linq;
using System.Reactive.Subjects;
using GoWatch.Recording.Catalogue;
using Microsoft.Extensions.Logging;

namespace GoWatch.Daemon.Watching;

/// <summary>
/// One non-recursive <see cref="FileSystemWatcher"/> per directory, never one per file (an
/// editor's atomic save replaces the file's inode, which a per-file watch would lose) and never
/// a recursive tree. A directory that does not exist yet is covered by its nearest existing
/// ancestor; the parent of each watched directory is watched too, so its deletion or
/// replacement is seen. Every change is turned into a <see cref="WatchSignal"/>.
/// </summary>
public sealed class DirectoryWatchers : IDisposable
{
    private readonly Func<WatchCatalogue> _catalogue;
    private readonly ILogger _log;
    private readonly Func<string, FileSystemWatcher> _newWatcher;
    private readonly Subject<WatchSignal> _signals = new();
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private bool _disposed;

    public DirectoryWatchers(WatchCatalogue catalogue, ILogger<DirectoryWatchers> log)
        : this(() => catalogue, log)
    {
    }

    public DirectoryWatchers(Func<WatchCatalogue> catalogue, ILogger<DirectoryWatchers> log)
        : this(catalogue, log, dir => new FileSystemWatcher(dir))
    {
    }

    internal DirectoryWatchers(Func<WatchCatalogue> catalogue, ILogger<DirectoryWatchers> log, Func<string, FileSystemWatcher> newWatcher)
    {
        _catalogue = catalogue;
        _log = log;
        _newWatcher = newWatcher;
    }

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

    /// <summary>(Re)computes the directories to watch and adds or drops watchers to match.</summary>
    public void Arm()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var dir in _catalogue().Directories())
            {
                if (NearestExisting(dir) is { } existing)
                {
                    wanted.Add(existing);
                    if (existing == dir && Path.GetDirectoryName(dir) is { } parent)
                    {
                        wanted.Add(parent);
                    }
                }
            }

            foreach (var gone in _watchers.Keys.Where(d => !wanted.Contains(d) || !Directory.Exists(d)).ToList())
            {
                _watchers[gone].Dispose();
                _watchers.Remove(gone);
            }
            foreach (var dir in wanted.Where(d => !_watchers.ContainsKey(d)))
            {
                try
                {
                    _watchers[dir] = Create(dir);
                }
                catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
                {
                    // Out of inotify watches, or the directory vanished meanwhile: the next rescan retries.
                    _log.LogWarning("Cannot watch {Directory}: {Error}", dir, ex.Message);
                }
            }
        }
    }

    private FileSystemWatcher Create(string dir)
    {
        var watcher = _newWatcher(dir);
        watcher.IncludeSubdirectories = false;
        watcher.InternalBufferSize = 64 * 1024;
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.Attributes | NotifyFilters.CreationTime;
        watcher.Changed += (_, e) => OnPath(dir, e.FullPath);
        watcher.Created += (_, e) =>
        {
            DropReplaced(e.FullPath);
            OnPath(dir, e.FullPath);
        };
        watcher.Deleted += (_, e) =>
        {
            DropReplaced(e.FullPath);
            OnPath(dir, e.FullPath);
        };
        watcher.Renamed += (_, e) =>
        {
            DropReplaced(e.OldFullPath);
            DropReplaced(e.FullPath);
            OnPath(dir, e.OldFullPath);
            OnPath(dir, e.FullPath);
        };
        watcher.Error += (_, e) =>
        {
            DropFailed(dir, watcher);
            Emit(new WatchSignal.WatcherFailed(dir, Describe(e.GetException())));
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
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
                stale.Dispose();
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
            if (!_disposed && _watchers.TryGetValue(dir, out var current) && ReferenceEquals(current, failed))
            {
                _watchers.Remove(dir);
            }
        }
        failed.Dispose();
    }

    private static string Describe(Exception error) =>
        error is InternalBufferOverflowException ? $"event queue overflowed: {error.Message}" : error.Message;

    private void OnPath(string watchedDir, string path)
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
        if (catalogue.AffectsCatalogue(path) || catalogue.Directories().Any(dir => IsSameOrAncestor(path, dir) && dir != watchedDir))
        {
            Emit(new WatchSignal.TopologyChanged(path));
        }
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

    private static bool IsSameOrAncestor(string candidate, string dir) =>
        dir == candidate || dir.StartsWith(candidate.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static string? NearestExisting(string dir)
    {
        for (var current = dir; current is not null; current = Path.GetDirectoryName(current))
        {
            if (Directory.Exists(current))
            {
                return current;
            }
        }
        return null;
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
            foreach (var watcher in _watchers.Values)
            {
                watcher.Dispose();
            }
            _watchers.Clear();
            _signals.OnCompleted();
            _signals.Dispose();
        }
    }
}
