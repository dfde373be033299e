namespace GoWatch.Platform.Service;

/// <summary>
/// Reads <c>launchctl print-disabled gui/&lt;uid&gt;</c>: the <c>disabled services = { … }</c>
/// block lists <c>"label" =&gt; disabled</c> or <c>=&gt; enabled</c> (macOS 14 and later) or
/// <c>=&gt; true</c> / <c>=&gt; false</c> (earlier, true meaning disabled). Other blocks, such
/// as <c>login item associations</c>, map labels to other things and are skipped.
/// </summary>
internal static class LaunchctlDisabledParser
{
    /// <summary>True when <paramref name="label"/> is listed as disabled, false when listed as enabled, null when not listed.</summary>
    public static bool? IsDisabled(string output, string label)
    {
        ArgumentNullException.ThrowIfNull(output);
        var inDisabledBlock = false;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            if (line.EndsWith('{'))
            {
                inDisabledBlock = line.StartsWith("disabled services", StringComparison.Ordinal);
                continue;
            }
            if (line == "}")
            {
                inDisabledBlock = false;
                continue;
            }
            if (!inDisabledBlock || line.IndexOf("=>", StringComparison.Ordinal) is not (var arrow and > 0))
            {
                continue;
            }
            if (line[..arrow].Trim().Trim('"') != label)
            {
                continue;
            }
            return line[(arrow + 2)..].Trim() switch
            {
                "disabled" or "true" => true,
                "enabled" or "false" => false,
                _ => null,
            };
        }
        return null;
    }
}
