namespace GoWatch.Cli.Report;

/// <summary>The stretch of time a report covers, and how to say it ("the last 30 days").</summary>
public sealed record ReportWindow(DateTimeOffset From, DateTimeOffset To, string Description)
{
    public TimeSpan Length => To - From;

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
