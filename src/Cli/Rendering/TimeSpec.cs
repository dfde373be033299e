using System.Globalization;
using System.Text.RegularExpressions;

namespace GoWatch.Cli.Rendering;

/// <summary>Parses <c>--since</c>: a relative age (<c>30m</c>, <c>2h</c>, <c>7d</c>, <c>2w</c>) or a date/time (local unless it names an offset).</summary>
public static partial class TimeSpec
{
    [GeneratedRegex(@"^(\d+)\s*([smhdw])$", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset value)
    {
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
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out value);
    }
}
