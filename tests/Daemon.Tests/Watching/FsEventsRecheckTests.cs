using System.Collections.Concurrent;
using GoWatch.Daemon.Tests.Support;
using GoWatch.Daemon.Watching;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Recording;
using GoWatch.Recording.Catalogue;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>
/// The watch service on a Mac-like tree with a real store, its watchers deaf (they watch a scratch
/// directory, as if FSEvents had dropped everything), and FSEvents' rescan requests replayed.
/// </summary>
public sealed class FsEventsRecheckTests : IDisposable
{
    private readonly MacLikeTree _tree = new();
    private readonly LiteDbEventStore _store;
    private readonly ConcurrentDictionary<string, RecordedWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refuse = new(StringComparer.Ordinal);
    private readonly DirectoryWatchers _directoryWatchers;
    private readonly WatchService _service;

    public FsEventsRecheckTests()
    {
        var settings = _tree.Settings with { Debounce = TimeSpan.FromMilliseconds(20) };
        Directory.CreateDirectory(settings.DataDir);
        _store = LiteDbEventStore.Open(settings.StorePath, settings.LockPath);
        var catalogue = new CatalogueSource(settings, _store);
        var scratch = Path.Combine(_tree.Root, "scratch");
        _directoryWatchers = new DirectoryWatchers(() => catalogue.Current, settings, new ListLogger<DirectoryWatchers>(), dir =>
        {
            if (_refuse.ContainsKey(dir))
            {
                throw new IOException($"Failed to start the EventStream for {dir}");
            }
            var watchedDir = Path.Combine(scratch, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(watchedDir);
            var watcher = new RecordedWatcher(watchedDir);
            _watchers[dir] = watcher;
            return watcher;
        });
        var files = new FileRecorder(_store, () => catalogue.Current, settings.ContentCapBytes, new ListLogger<FileRecorder>());
        var installs = new InstallationRecorder(_store, () => catalogue.Current, new ListLogger<InstallationRecorder>());
        var reconciler = new Reconciler(() => catalogue.Current, files, installs, new ListLogger<Reconciler>());
        _service = new WatchService(_directoryWatchers, files, installs, catalogue, reconciler, _store, settings, new ListLogger<WatchService>());
        _service.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _service.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _service.Dispose();
        _store.Dispose();
        _tree.Dispose();
    }

    private List<T> Events<T>() => _store.Query(EventQuery.All).Select(e => e.Data).OfType<T>().ToList();

    [Fact]
    public void Dropped_events_under_home_record_the_missed_change_there_and_only_there()
    {
        // Given changes no watcher delivered, under home and under /etc
        File.WriteAllText(_tree.HomePath(".zshrc"), "export PATH=/opt/homebrew/bin:$PATH\n");
        File.WriteAllText(_tree.Sys("/private/etc/paths"), "/opt/homebrew/bin\n");

        // When the home stream reports KernelDropped
        _watchers[_tree.Home].FsEventsRescan(RecordedWatcher.KernelDropped);

        // Then the change under home is recorded, the one under /etc waits for its own stream, and nothing is an error
        Eventually.True(() => Events<FileChanged>().Any(c => c.Path == _tree.HomePath(".zshrc")), "~/.zshrc recorded as changed", withinSeconds: 5);
        Thread.Sleep(200);
        Assert.DoesNotContain(Events<FileChanged>(), c => c.Path == _tree.Sys("/etc/paths"));
        Assert.Empty(Events<WatchError>());
        Assert.False(_watchers[_tree.Home].IsDisposed);
    }

    [Fact]
    public void A_replaced_root_that_is_armed_again_records_no_watch_error()
    {
        var go = _watchers[_tree.Sys("/usr/local/go")];

        go.FsEventsRescan(RecordedWatcher.RootChanged);

        Eventually.True(() => _watchers[_tree.Sys("/usr/local/go")] != go, "a new watcher on /usr/local/go", withinSeconds: 5);
        Thread.Sleep(200);
        Assert.Empty(Events<WatchError>());
    }

    [Fact]
    public void A_replaced_root_that_cannot_be_armed_again_is_a_watch_error()
    {
        _refuse[_tree.Sys("/usr/local/go")] = true;

        _watchers[_tree.Sys("/usr/local/go")].FsEventsRescan(RecordedWatcher.RootChanged);

        Eventually.True(() => Events<WatchError>().Count > 0, "a WatchError", withinSeconds: 5);
        var error = Assert.Single(Events<WatchError>());
        Assert.Equal(_tree.Sys("/usr/local/go"), error.Path);
        Assert.Contains("cannot watch it again", error.Error, StringComparison.Ordinal);
    }
}
