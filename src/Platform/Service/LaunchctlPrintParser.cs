using System.Globalization;

namespace GoWatch.Platform.Service;

/// <summary>
/// Reads the top level of <c>launchctl print gui/&lt;uid&gt;/&lt;label&gt;</c>: <c>key = value</c>
/// lines one level inside the outer braces. Nested blocks (environment, endpoints, …) are
/// skipped, since they repeat keys such as <c>state</c> with other meanings.
/// </summary>
internal static class LaunchctlPrintParser
{
    public static IReadOnlyDictionary<string, string> Parse(string output)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var depth = 0;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            if (line == "}" || line == "};")
            {
                depth--;
                continue;
            }
            var opens = line.EndsWith('{');
            if (depth == 1 && line.IndexOf(" = ", StringComparison.Ordinal) is var eq and > 0 && !opens)
            {
                properties.TryAdd(line[..eq].Trim(), line[(eq + 3)..].Trim());
            }
            if (opens)
            {
                depth++;
            }
        }
        return properties;
    }

    public static ServiceStatus ToStatus(IReadOnlyDictionary<string, string> properties, bool installed)
    {
        var state = properties.GetValueOrDefault("state");
        var pid = properties.TryGetValue("pid", out var p) && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return new ServiceStatus
        {
            Installed = installed,
            Loaded = true,
            Running = state == "running" || pid is not null,
            State = state,
            Pid = pid,
            LastExitStatus = LeadingInteger(properties.GetValueOrDefault("last exit code")),
            Properties = properties,
        };
    }

    // "78: EX_CONFIG" → 78; "(never exited)" → null.
    private static int? LeadingInteger(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var end = 0;
        while (end < value.Length && (char.IsAsciiDigit(value[end]) || (end == 0 && value[end] == '-')))
        {
            end++;
        }
        return int.TryParse(value.AsSpan(0, end), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
