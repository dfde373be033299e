using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using GoWatch.Daemon.Tests.Support;
using GoWatch.Daemon.Watching;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>Per-key debounce with one timer, on virtual time: no test here waits.</summary>
public sealed class KeyedDebounceTests
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    private readonly HistoricalScheduler _time = new();
    private readonly CountingScheduler _timers;
    private readonly Subject<(string Key, int Value)> _source = new();
    private readonly List<(TimeSpan At, string Key, int Value)> _passed = [];
    private bool _completed;

    public KeyedDebounceTests()
    {
        _timers = new CountingScheduler(_time);
        KeyedDebounce.Create(_source, t => t.Key, Debounce, _timers)
            .Subscribe(t => _passed.Add((Elapsed, t.Key, t.Value)), () => _completed = true);
    }

    private TimeSpan Elapsed => _time.Now - DateTimeOffset.MinValue;

    private void At(int ms, string key, int value = 0) => _time.Schedule(TimeSpan.FromMilliseconds(ms), () => _source.OnNext((key, value)));

    [Fact]
    public void A_key_touched_every_10_ms_for_a_second_is_passed_on_once_200_ms_after_its_last_touch()
    {
        for (var ms = 0; ms <= 1000; ms += 10)
        {
            At(ms, "a", ms);
        }

        _time.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal([(TimeSpan.FromMilliseconds(1200), "a", 1000)], _passed);
    }

    [Fact]
    public void Two_keys_settle_independently()
    {
        for (var ms = 0; ms <= 500; ms += 10)
        {
            At(ms, "a");
        }
        At(100, "b");
        At(250, "b");

        _time.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal([(TimeSpan.FromMilliseconds(450), "b", 0), (TimeSpan.FromMilliseconds(700), "a", 0)], _passed);
    }

    [Fact]
    public void A_key_touched_again_after_it_was_passed_on_is_passed_on_again()
    {
        At(0, "a", 1);
        At(300, "a", 2);
        At(350, "a", 3);

        _time.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal([(TimeSpan.FromMilliseconds(200), "a", 1), (TimeSpan.FromMilliseconds(550), "a", 3)], _passed);
    }

    [Fact]
    public void A_key_touched_just_before_it_comes_due_waits_for_the_new_touch()
    {
        At(0, "a", 1);
        At(199, "a", 2);

        _time.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal([(TimeSpan.FromMilliseconds(399), "a", 2)], _passed);
    }

    [Fact]
    public void A_burst_over_many_keys_sets_a_timer_per_settled_batch_not_per_touch()
    {
        // 10,000 touches over 50 keys in 2 s, as in the burst benchmark.
        for (var i = 0; i < 10_000; i++)
        {
            At(i / 5, $"file-{i % 50}", i);
        }

        _time.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal(50, _passed.Count);
        Assert.Equal(Enumerable.Range(9_950, 50), _passed.Select(p => p.Value).Order());
        Assert.All(_passed, p => Assert.Equal(TimeSpan.FromMilliseconds(p.Value / 5) + Debounce, p.At));
        // During the burst a timer fires, finds every touch moved on, and is set again for the
        // earliest: about one per debounce interval (10), then at most one per key settling (50).
        Assert.InRange(_timers.Scheduled, 1, 60);
    }

    [Fact]
    public void Touching_a_pending_key_again_allocates_nothing()
    {
        var source = new Subject<string>();
        using var subscription = KeyedDebounce.Create(source, k => k, Debounce, _time).Subscribe(_ => { });
        source.OnNext("/h/.zshrc");
        source.OnNext("/h/.bashrc");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            source.OnNext(i % 2 == 0 ? "/h/.zshrc" : "/h/.bashrc");
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void At_the_end_of_the_source_what_is_pending_is_passed_on_at_once_then_the_end()
    {
        At(0, "a", 1);
        At(50, "b", 2);
        _time.Schedule(TimeSpan.FromMilliseconds(100), () => _source.OnCompleted());

        _time.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal([(TimeSpan.FromMilliseconds(100), "a", 1), (TimeSpan.FromMilliseconds(100), "b", 2)], _passed);
        Assert.True(_completed);
    }

    [Fact]
    public void Nothing_is_passed_on_after_unsubscribing()
    {
        var source = new Subject<string>();
        var passed = new List<string>();
        var subscription = KeyedDebounce.Create(source, k => k, Debounce, _time).Subscribe(passed.Add);
        source.OnNext("a");

        subscription.Dispose();
        _time.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Empty(passed);
        Assert.False(source.HasObservers);
    }
}
