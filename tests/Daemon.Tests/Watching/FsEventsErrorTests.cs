using GoWatch.Daemon.Tests.Support;
using GoWatch.Daemon.Watching;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>FSEvents' rescan requests, replayed through the watcher seam under macOS rules.</summary>
public sealed class FsEventsErrorTests : IDisposable
{
    private readonly MacLikeTree _tree;
    private readonly ArmedWatchers<RecordedWatcher> _armed;

    public FsEventsErrorTests()
    {
        _tree = new();
        _armed = new(_tree.Settings, dir => new RecordedWatcher(dir));
    }

    public void Dispose()
    {
        _armed.Dispose();
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
        var go = Assert.Single(_armed.Made, w => w.Path == _tree.Sys("/usr/local/go"));

        go.FsEventsRescan(flags);

        var dropped = _armed.Signals.WaitFor<WatchSignal.EventsDropped>(_ => true);
        Assert.Equal(_tree.Sys("/usr/local/go"), dropped.Root);
        Assert.StartsWith("FSEvents asked for a rescan (", dropped.Error, StringComparison.Ordinal);
        Assert.False(go.IsDisposed);
        Assert.Contains(_tree.Sys("/usr/local/go"), _armed.Watchers.WatchedDirectories);
        Assert.DoesNotContain(_armed.Signals, s => s is WatchSignal.WatcherFailed or WatchSignal.WatcherLost);
    }

    [Fact]
    public void A_replaced_root_lets_its_watcher_go_and_is_watched_again_on_rearm()
    {
        var home = Assert.Single(_armed.Made, w => w.Path == _tree.Home);

        home.FsEventsRescan(RecordedWatcher.RootChanged);

        var lost = _armed.Signals.WaitFor<WatchSignal.WatcherLost>(_ => true);
        Assert.Equal(_tree.Home, lost.Directory);
        Assert.Contains("RootChanged", lost.Error, StringComparison.Ordinal);
        Assert.True(home.IsDisposed);
        Assert.DoesNotContain(_tree.Home, _armed.Watchers.WatchedDirectories);

        Assert.Empty(_armed.Watchers.Arm());
        Assert.Contains(_tree.Home, _armed.Watchers.WatchedDirectories);
        Assert.Equal(2, _armed.Made.Count(w => w.Path == _tree.Home));
    }

    [Fact]
    public void An_etc_event_seen_under_private_etc_is_signalled_as_the_catalogue_spells_it()
    {
        File.WriteAllText(_tree.Sys("/private/etc/paths"), "/opt/homebrew/bin\n/usr/bin\n");

        _armed.Signals.WaitFor<WatchSignal.PathTouched>(s => s.Path == _tree.Sys("/etc/paths"));
    }
}
