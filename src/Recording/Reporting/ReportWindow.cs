using System.Text.Json.Serialization;

namespace GoWatch.Recording.Reporting;

/// <summary>The stretch of time a report covers, and how to say it ("the last 30 days").</summary>
public sealed record ReportWindow(DateTimeOffset From, DateTimeOffset To, string Description)
{
    /// <summary>Where the page's timeline starts, in its drawing units (left of it: the lane names).</summary>
    public const double TimelineLeft = 250;

    /// <summary>How wide the page's timeline is, in its drawing units (one column each).</summary>
    public const double TimelineWidth = 830;

    [JsonIgnore]
    public TimeSpan Length => To - From;

    /// <summary>
    /// The timeline column <paramref name="time"/> is drawn in: what the page groups verification runs
    /// by, so the fold can hand over one summary per column instead of every run.
    /// </summary>
    public int Column(DateTimeOffset time) => (int)(TimelineLeft + (Fraction(time) * TimelineWidth));

    /// <summary>Where <paramref name="time"/> falls in the window, 0 at its start and 1 at its end, clamped.</summary>
    public double Fraction(DateTimeOffset time) =>
        Length <= TimeSpan.Zero ? 0 : Math.Clamp((time - From).TotalMilliseconds / Length.TotalMilliseconds, 0, 1);

    /// <summary>Says an age like <c>30d</c> as "the last 30 days"; anything else as "since" the start.</summary>
    public static string Describe(string since, DateTimeOffset from, TimeZoneInfo zone)
    {
        var text = since.Trim();
        if (text.Length > 1 && long.TryParse(text[..^1].TrimEnd(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            var unit = char.ToLowerInvariant(text[^1]) switch
            {
                's' => "second",
                'm' => "minute",
                'h' => "hour",
                'd' => "day",
                'w' => "week",
                _ => null,
            };
            if (unit is not null)
            {
                return n == 1 ? $"the last {unit}" : $"the last {n} {unit}s";
            }
        }
        return "since " + TimeZoneInfo.ConvertTime(from, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
