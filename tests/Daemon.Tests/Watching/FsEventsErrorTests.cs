using System.Collections.Concurrent;
using GoWatch.Daemon.Tests.Support;
using GoWatch.Daemon.Watching;
using GoWatch.Recording.Catalogue;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>FSEvents' rescan requests, replayed through the watcher seam under macOS rules.</summary>
public sealed class FsEventsErrorTests : IDisposable
{
    private readonly MacLikeTree _tree = new();
    private readonly BlockingCollection<WatchSignal> _signals = [];
    private readonly ConcurrentQueue<RecordedWatcher> _made = new();
    private readonly DirectoryWatchers _watchers;

    public FsEventsErrorTests()
    {
        _watchers = new DirectoryWatchers(() => WatchCatalogue.Default(_tree.Settings), _tree.Settings, new ListLogger<DirectoryWatchers>(), dir =>
        {
            var watcher = new RecordedWatcher(dir);
            _made.Enqueue(watcher);
            return watcher;
        });
        _watchers.Signals.Subscribe(_signals.Add);
        _watchers.Arm();
    }

    public void Dispose()
    {
        _watchers.Dispose();
        _tree.Dispose();
    }

    [Theory]
    [InlineData(RecordedWatcher.MustScanSubDirs)]
    [InlineData(RecordedWatcher.UserDropped)]
    [InlineData(RecordedWatcher.KernelDropped)]
    [InlineData(RecordedWatcher.Mount)]
    [InlineData(RecordedWatcher.KernelDropped | RecordedWatcher.MustScanSubDirs)]
    public void Dropped_events_ask_for_a_recheck_of_that_root_and_keep_its_watcher(int flags)
    {
        var go = Assert.Single(_made, w => w.Path == _tree.Sys("/usr/local/go"));

        go.FsEventsRescan(flags);

        var dropped = _signals.WaitFor<WatchSignal.EventsDropped>(_ => true);
        Assert.Equal(_tree.Sys("/usr/local/go"), dropped.Root);
        Assert.StartsWith("FSEvents asked for a rescan (", dropped.Error, StringComparison.Ordinal);
        Assert.False(go.IsDisposed);
        Assert.Contains(_tree.Sys("/usr/local/go"), _watchers.WatchedDirectories);
        Assert.DoesNotContain(_signals, s => s is WatchSignal.WatcherFailed or WatchSignal.WatcherLost);
    }

    [Fact]
    public void A_replaced_root_lets_its_watcher_go_and_is_watched_again_on_rearm()
    {
        var home = Assert.Single(_made, w => w.Path == _tree.Home);

        home.FsEventsRescan(RecordedWatcher.RootChanged);

        var lost = _signals.WaitFor<WatchSignal.WatcherLost>(_ => true);
        Assert.Equal(_tree.Home, lost.Directory);
        Assert.Contains("RootChanged", lost.Error, StringComparison.Ordinal);
        Assert.True(home.IsDisposed);
        Assert.DoesNotContain(_tree.Home, _watchers.WatchedDirectories);

        Assert.Empty(_watchers.Arm());
        Assert.Contains(_tree.Home, _watchers.WatchedDirectories);
        Assert.Equal(2, _made.Count(w => w.Path == _tree.Home));
    }

    [Fact]
    public void An_etc_event_seen_under_private_etc_is_signalled_as_the_catalogue_spells_it()
    {
        File.WriteAllText(_tree.Sys("/private/etc/paths"), "/opt/homebrew/bin\n/usr/bin\n");

        _signals.WaitFor<WatchSignal.PathTouched>(s => s.Path == _tree.Sys("/etc/paths"));
    }
}
