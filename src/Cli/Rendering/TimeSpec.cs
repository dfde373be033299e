using System.Globalization;
using System.Text.RegularExpressions;

namespace GoWatch.Cli.Rendering;

/// <summary>Parses <c>--since</c>: a relative age (<c>30m</c>, <c>2h</c>, <c>7d</c>, <c>2w</c>) or a date/time (local unless it names an offset).</summary>
public static partial class TimeSpec
{
    [GeneratedRegex(@"^(\d+)\s*([smhdw])$", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset value) => TryParse(text, now, TimeZoneInfo.Local, out value);

    /// <param name="zone">The zone of a date/time that names no offset: the user's.</param>
    public static bool TryParse(string text, DateTimeOffset now, TimeZoneInfo zone, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        var m = Relative().Match(text.Trim());
        if (m.Success && long.TryParse(m.Groups[1].Value, out var n))
        {
            var unit = char.ToLowerInvariant(m.Groups[2].Value[0]);
            var span = unit switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => TimeSpan.FromDays(7 * n),
            };
            value = now - span;
            return true;
        }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            value = default;
            return false;
        }
        value = parsed.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(parsed, zone.GetUtcOffset(parsed)) : new DateTimeOffset(parsed);
        return true;
    }
}
