using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using GoWatch.Daemon.Watching;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>The debounce rules, on virtual time: no test here waits.</summary>
public sealed class WatchPipelineTests
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    private readonly HistoricalScheduler _time = new();
    private readonly Subject<WatchSignal> _signals = new();
    private readonly List<(TimeSpan At, WatchAction Action)> _actions = [];

    public WatchPipelineTests()
    {
        WatchPipeline.Create(_signals, Debounce, _time).Subscribe(a => _actions.Add((_time.Now - DateTimeOffset.MinValue, a)));
    }

    private void At(int ms, WatchSignal signal) => _time.Schedule(TimeSpan.FromMilliseconds(ms), () => _signals.OnNext(signal));

    [Fact]
    public void A_burst_of_writes_to_one_file_is_recorded_once_after_it_settles()
    {
        for (var i = 0; i < 50; i++)
        {
            At(i * 10, new WatchSignal.PathTouched("/h/.zshrc"));
        }

        _time.AdvanceBy(TimeSpan.FromSeconds(5));

        var (at, action) = Assert.Single(_actions);
        Assert.Equal(new WatchAction.RecordPath("/h/.zshrc"), action);
        Assert.Equal(TimeSpan.FromMilliseconds(490) + Debounce, at);
    }

    [Fact]
    public void Each_path_settles_on_its_own()
    {
        At(0, new WatchSignal.PathTouched("/h/.zshrc"));
        At(100, new WatchSignal.PathTouched("/h/.bashrc"));
        At(150, new WatchSignal.PathTouched("/h/.zshrc"));

        _time.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Equal(
            [(TimeSpan.FromMilliseconds(300), (WatchAction)new WatchAction.RecordPath("/h/.bashrc")), (TimeSpan.FromMilliseconds(350), new WatchAction.RecordPath("/h/.zshrc"))],
            _actions);
    }

    [Fact]
    public void An_editor_save_through_a_temp_file_and_rename_is_one_change()
    {
        // The watcher reports the rename's target path, and often a write to it just before.
        At(0, new WatchSignal.PathTouched("/h/.zshrc"));
        At(3, new WatchSignal.PathTouched("/h/.zshrc"));

        _time.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Single(_actions);
    }

    [Fact]
    public void Watcher_failures_and_topology_changes_in_a_burst_become_one_rescan_marked_as_after_a_failure()
    {
        At(0, new WatchSignal.TopologyChanged("/h/.config"));
        At(50, new WatchSignal.WatcherFailed("/h", "queue overflow"));
        At(100, new WatchSignal.TopologyChanged("/h/.config/fish"));

        _time.AdvanceBy(TimeSpan.FromSeconds(1));

        var rescan = Assert.IsType<WatchAction.Rescan>(Assert.Single(_actions).Action);
        Assert.True(rescan.AfterFailure);
        Assert.Contains("queue overflow", rescan.Reason);
    }

    [Fact]
    public void A_topology_change_alone_rescans_without_claiming_a_failure()
    {
        At(0, new WatchSignal.TopologyChanged("/h/.config"));

        _time.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.False(Assert.IsType<WatchAction.Rescan>(Assert.Single(_actions).Action).AfterFailure);
    }

    [Fact]
    public void A_storm_of_dropped_events_on_one_root_is_one_recheck_of_that_root_and_no_rescan()
    {
        // Recorded from an FSEvents stream under load: KernelDropped, then MustScanSubDirs, twice over.
        At(0, new WatchSignal.EventsDropped("/h", "FSEvents asked for a rescan (KernelDropped)"));
        At(5, new WatchSignal.EventsDropped("/h", "FSEvents asked for a rescan (MustScanSubDirs)"));
        At(40, new WatchSignal.EventsDropped("/usr/local/go", "FSEvents asked for a rescan (UserDropped)"));
        At(90, new WatchSignal.EventsDropped("/h", "FSEvents asked for a rescan (KernelDropped)"));

        _time.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Equal(
            [(TimeSpan.FromMilliseconds(240), "/usr/local/go"), (TimeSpan.FromMilliseconds(290), "/h")],
            _actions.Select(a => (a.At, Assert.IsType<WatchAction.Recheck>(a.Action).Root)).ToList());
    }

    [Fact]
    public void A_replaced_root_rescans_naming_the_lost_directory_without_claiming_a_failure()
    {
        At(0, new WatchSignal.WatcherLost("/usr/local/go", "FSEvents asked for a rescan (RootChanged)"));
        At(30, new WatchSignal.TopologyChanged("/usr/local/go"));

        _time.AdvanceBy(TimeSpan.FromSeconds(1));

        var rescan = Assert.IsType<WatchAction.Rescan>(Assert.Single(_actions).Action);
        Assert.False(rescan.AfterFailure);
        Assert.Equal(["/usr/local/go"], rescan.Lost);
    }
}
