using GoWatch.Daemon.Tests.Support;
using GoWatch.Daemon.Verification;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Platform.Notifications;

namespace GoWatch.Daemon.Tests.Verification;

/// <summary>The wall clock can be set back (NTP, a user, a VM restore); the rate limit must not turn into silence.</summary>
public sealed class DriftNotifierClockTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly LiteDbEventStore _store;
    private readonly SettableClock _time = new() { Now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero) };
    private readonly CountingNotifier _desktop = new();
    private readonly DriftNotifier _notifier;

    public DriftNotifierClockTests()
    {
        _store = LiteDbEventStore.Open(_tree.Settings.StorePath, _tree.Settings.LockPath, _time);
        _notifier = new DriftNotifier(_store, _desktop, _tree.Settings with { NotificationInterval = TimeSpan.FromSeconds(60) }, _time, new ListLogger<DriftNotifier>());
    }

    public void Dispose()
    {
        _store.Dispose();
        _tree.Dispose();
    }

    private Task Break(string checkId)
    {
        var e = _store.Append(new AppendRequest(Streams.Check(checkId), ExpectedVersion.Any,
            [new NewEvent(new DriftDetected(checkId, "error", checkId + " broke", null), EventSources.Daemon)])).Events;
        return _notifier.NotifyAsync(e, CancellationToken.None);
    }

    [Fact]
    public async Task After_the_clock_is_set_back_an_hour_the_next_break_is_still_notified()
    {
        // Given a break notified at 12:00
        await Break("path.broken");
        Assert.Equal(1, _desktop.Calls);

        // When the clock is set back an hour and, two minutes later, another check breaks
        _time.Now = _time.Now.AddHours(-1).AddMinutes(2);
        await Break("go.not-found");

        // Then it is notified (the interval since the last one is not "minus 58 minutes")
        Assert.Equal(2, _desktop.Calls);
        Assert.All(_store.Query(new EventQuery { Types = ["NotificationSent"] }), e => Assert.True(((NotificationSent)e.Data).Delivered));
    }

    [Fact]
    public async Task Within_the_interval_a_second_break_is_recorded_but_not_shown()
    {
        await Break("path.broken");
        _time.Now += TimeSpan.FromSeconds(10);
        await Break("go.not-found");

        Assert.Equal(1, _desktop.Calls);
        Assert.Equal("suppressed", ((NotificationSent)_store.Query(new EventQuery { Types = ["NotificationSent"], Limit = 1 })[0].Data).Channel);
    }

    /// <summary>FakeTimeProvider refuses to go back; the real clock does not.</summary>
    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class CountingNotifier : IDesktopNotifier
    {
        public int Calls { get; private set; }

        public Task<NotificationResult> NotifyAsync(string title, string message, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new NotificationResult(NotificationChannel.NotifySend, [title, message], true, null));
        }
    }
}
