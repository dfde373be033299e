using System.Globalization;

namespace GoWatch.Cli.Rendering;

/// <summary>
/// The one way times are shown to people: local time with its zone offset
/// (<c>2026-03-01 13:00:00 +01:00</c>). JSON keeps UTC.
/// </summary>
public static class Times
{
    public static string Local(DateTimeOffset time, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTime(time, clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>A UTC time as stored in JSON ("2026-03-01T12:00:00.0000000Z"), shown locally; "?" when it is not a time.</summary>
    public static string Local(string? utc, TimeProvider clock) =>
        utc is not null && DateTimeOffset.TryParse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? Local(t, clock) : "?";

    /// <summary>"40 s", "12 min", "3 h", "5 days": how long ago, roughly.</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 0 } => "in the future",
        { TotalMinutes: < 1 } => $"{(int)age.TotalSeconds} s",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min",
        { TotalDays: < 2 } => $"{(int)age.TotalHours} h",
        _ => $"{(int)age.TotalDays} days",
    };
}
