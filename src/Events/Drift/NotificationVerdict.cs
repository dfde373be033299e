namespace GoWatch.Events.Drift;

/// <summary>The outcome of <see cref="NotificationPolicy"/>.</summary>
public enum NotificationVerdict
{
    /// <summary>Hand it to the desktop.</summary>
    Send,

    /// <summary>Too soon after the last delivered one: record it, do not show it.</summary>
    RateLimited,

    /// <summary>The user turned notifications off: record it and log it.</summary>
    Off,
}
