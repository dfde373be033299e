using System.Collections.Concurrent;
using GoWatch.Daemon.Watching;
using GoWatch.Platform.Locations;
using GoWatch.Recording.Catalogue;

namespace GoWatch.Daemon.Tests.Support;

/// <summary>
/// The daemon's <see cref="DirectoryWatchers"/> over the default catalogue, armed with a test's own
/// <see cref="FileSystemWatcher"/> subclass so a test can raise what the OS would: keeps every
/// watcher made (re-arming makes new ones) and every signal raised.
/// </summary>
public sealed class ArmedWatchers<TWatcher> : IDisposable where TWatcher : FileSystemWatcher
{
    public ArmedWatchers(GoWatchSettings settings, Func<string, TWatcher> newWatcher)
    {
        Watchers = new DirectoryWatchers(() => WatchCatalogue.Default(settings), settings, new ListLogger<DirectoryWatchers>(), dir =>
        {
            var watcher = newWatcher(dir);
            Made.Enqueue(watcher);
            return watcher;
        });
        Watchers.Signals.Subscribe(Signals.Add);
        Watchers.Arm();
    }

    public DirectoryWatchers Watchers { get; }
    public BlockingCollection<WatchSignal> Signals { get; } = [];
    public ConcurrentQueue<TWatcher> Made { get; } = new();

    public void Dispose() => Watchers.Dispose();
}
