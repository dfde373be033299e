using GoWatch.Events.Drift;
using GoWatch.Events.Model;

namespace GoWatch.Events.Tests.Drift;

/// <summary>When a break reaches the desktop, decided from the drift state alone.</summary>
public sealed class NotificationPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static EventEnvelope At(long position, string stream, IEvent data, DateTimeOffset time) =>
        new(position, stream, 1, data.GetType().Name, 1, Guid.NewGuid(), time, null, null, EventSources.Daemon, data);

    private static EventEnvelope Detected(string id, string severity) => At(20, "check:" + id, new DriftDetected(id, severity, "t", null), T0);

    private static DriftState DeliveredAt(DateTimeOffset time) =>
        DriftState.Empty.When(At(5, "daemon", new NotificationSent("notify-send", "t", "m", ["path.broken"], true, null), time));

    [Fact]
    public void Only_errors_are_notified_and_all_of_one_run_together()
    {
        var decision = NotificationPolicy.Decide(DriftState.Empty, [Detected("path.broken", "error"), Detected("path.order", "warning"), Detected("modules.off", "error")], T0, true, Minute);

        Assert.Equal(NotificationVerdict.Send, decision!.Verdict);
        Assert.Equal(2, decision.Errors.Count);
        Assert.Null(NotificationPolicy.Decide(DriftState.Empty, [Detected("path.order", "warning")], T0, true, Minute));
    }

    [Fact]
    public void A_break_within_the_interval_of_the_last_delivered_notification_is_rate_limited_even_after_a_restart()
    {
        // The state is what a restarted daemon loads from the log: the delivery is remembered.
        var decision = NotificationPolicy.Decide(DeliveredAt(T0), [Detected("path.broken", "error")], T0.AddSeconds(30), true, Minute);

        Assert.Equal(NotificationVerdict.RateLimited, decision!.Verdict);
    }

    [Fact]
    public void After_the_interval_or_with_the_clock_set_back_it_is_sent()
    {
        Assert.Equal(NotificationVerdict.Send, NotificationPolicy.Decide(DeliveredAt(T0), [Detected("path.broken", "error")], T0.AddMinutes(2), true, Minute)!.Verdict);
        Assert.Equal(NotificationVerdict.Send, NotificationPolicy.Decide(DeliveredAt(T0), [Detected("path.broken", "error")], T0.AddHours(-1), true, Minute)!.Verdict);
    }

    [Fact]
    public void Turned_off_it_is_recorded_but_not_sent()
    {
        Assert.Equal(NotificationVerdict.Off, NotificationPolicy.Decide(DriftState.Empty, [Detected("path.broken", "error")], T0, false, Minute)!.Verdict);
    }
}
