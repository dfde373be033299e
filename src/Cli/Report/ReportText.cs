using System.Globalization;
using GoWatch.Recording.Reporting;

namespace GoWatch.Cli.Report;

/// <summary>How the report says times and durations, the same in HTML and on the terminal.</summary>
public static class ReportText
{
    public static string Duration(TimeSpan t)
    {
        if (t < TimeSpan.FromMinutes(1))
        {
            return $"{Math.Max(0, (int)t.TotalSeconds)} s";
        }
        if (t < TimeSpan.FromHours(1))
        {
            return $"{(int)t.TotalMinutes} min";
        }
        if (t < TimeSpan.FromDays(1))
        {
            return $"{(int)t.TotalHours} h {t.Minutes:00} min";
        }
        return $"{(int)t.TotalDays} d {t.Hours} h";
    }

    public static string Time(DateTimeOffset t, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A short time for labels: the hour alone when the date is clear from the axis.</summary>
    public static string ShortTime(DateTimeOffset t, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(t, zone).ToString("MMM d HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"No check failed in the last 30 days" / "No check failed since 2026-03-01 12:00".</summary>
    public static string NoFailures(ReportWindow window) =>
        window.Description.StartsWith("since ", StringComparison.Ordinal) ? $"No check failed {window.Description}" : $"No check failed in {window.Description}";
}
