using System.Globalization;

namespace GoWatch.Platform.Service;

/// <summary>Reads the <c>Key=Value</c> lines of <c>systemctl --user show --property=…</c>.</summary>
internal static class SystemctlShowParser
{
    public static IReadOnlyDictionary<string, string> Parse(string output)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var eq = line.IndexOf('=');
            if (eq > 0)
            {
                properties.TryAdd(line[..eq].Trim(), line[(eq + 1)..].TrimEnd('\r'));
            }
        }
        return properties;
    }

    public static ServiceStatus ToStatus(IReadOnlyDictionary<string, string> properties, bool installed)
    {
        var active = properties.GetValueOrDefault("ActiveState");
        var sub = properties.GetValueOrDefault("SubState");
        var pid = Integer(properties.GetValueOrDefault("MainPID"));
        return new ServiceStatus
        {
            Installed = installed,
            // "not-found" when no unit file is known; "masked", "error" and "bad-setting" are loaded badly.
            Loaded = properties.GetValueOrDefault("LoadState") == "loaded",
            Running = active == "active" && sub == "running",
            State = active is null ? null : sub is null ? active : $"{active} ({sub})",
            Pid = pid is > 0 ? pid : null,
            LastExitStatus = Integer(properties.GetValueOrDefault("ExecMainStatus")),
            Properties = properties,
        };
    }

    private static int? Integer(string? value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
}
