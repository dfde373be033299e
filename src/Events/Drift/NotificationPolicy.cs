using GoWatch.Events.Model;

namespace GoWatch.Events.Drift;

/// <summary>
/// Whether checks that just broke reach the desktop: only checks that turned to <c>error</c>,
/// all of one run in one notification, at most one per <c>interval</c> — measured from the last
/// delivered notification in the log, so a restart does not reset it. A pure function.
/// </summary>
public static class NotificationPolicy
{
    public static NotificationDecision? Decide(DriftState state, IReadOnlyList<EventEnvelope> detected, DateTimeOffset now, bool enabled, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(detected);
        var errors = Errors(detected);
        if (errors.Count == 0)
        {
            return null;
        }
        if (!enabled)
        {
            return new NotificationDecision(NotificationVerdict.Off, errors, "notifications are turned off");
        }
        // A clock set back makes "since the last one" negative: that is no reason to stay quiet.
        if (state.LastDelivered is { } last && now - last >= TimeSpan.Zero && now - last < interval)
        {
            return new NotificationDecision(NotificationVerdict.RateLimited, errors, $"rate-limited: one notification per {interval.TotalSeconds:0} s");
        }
        return new NotificationDecision(NotificationVerdict.Send, errors, null);
    }

    /// <summary>The detections a notification is about: checks that turned to <c>error</c>.</summary>
    public static IReadOnlyList<EventEnvelope> Errors(IReadOnlyList<EventEnvelope> detected) =>
        detected.Where(e => e.Data is DriftDetected { Severity: "error" }).ToList();
}
