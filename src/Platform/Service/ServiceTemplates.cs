using System.Globalization;
using System.Reflection;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace GoWatch.Platform.Service;

/// <summary>
/// Renders the LaunchAgent plist and the systemd user unit from the templates in <c>launchd/</c>,
/// embedded in this assembly. Every value is escaped for its format here, in one place, so a path
/// with spaces, quotes, <c>&amp;</c>, <c>&lt;</c>, <c>$</c> or <c>%</c> stays one inert value.
/// </summary>
public static partial class ServiceTemplates
{
    public const string LaunchAgentResource = "GoWatch.Platform.Service.dev.gowatch.agent.plist";
    public const string SystemdUnitResource = "GoWatch.Platform.Service.gowatch.service";

    /// <summary>launchd gives agents only <c>/usr/bin:/bin:/usr/sbin:/sbin</c>; Homebrew tools such as terminal-notifier live elsewhere.</summary>
    public const string DefaultLaunchdPath = "/opt/homebrew/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";

    /// <summary>File names of the daemon's stdout and stderr under the log dir (launchd only; systemd has the journal).</summary>
    public const string StdoutLogName = "gowatchd.out.log";
    public const string StderrLogName = "gowatchd.err.log";

    /// <summary>The raw template text of an embedded resource.</summary>
    public static string LoadTemplate(string resourceName)
    {
        using var stream = typeof(ServiceTemplates).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Resource {resourceName} is missing from {typeof(ServiceTemplates).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The LaunchAgent plist for <paramref name="daemon"/>, logging to <paramref name="logDir"/>.</summary>
    /// <exception cref="ServiceTemplateException">A path is relative or holds a character XML cannot carry.</exception>
    public static string RenderLaunchAgent(DaemonLaunch daemon, string logDir)
    {
        ArgumentNullException.ThrowIfNull(daemon);
        RequireAbsolute(daemon.ExecutablePath, "The daemon executable");
        RequireAbsolute(logDir, "The log dir");

        var programArguments = new StringBuilder();
        foreach (var arg in new[] { daemon.ExecutablePath }.Concat(daemon.Arguments))
        {
            programArguments.Append("    <string>").Append(XmlText(arg, "A daemon argument")).Append("</string>\n");
        }

        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = DefaultLaunchdPath };
        foreach (var (name, value) in daemon.Environment)
        {
            RequireVariableName(name);
            environment[name] = value;
        }
        var variables = new StringBuilder();
        foreach (var (name, value) in environment)
        {
            variables.Append("    <key>").Append(XmlText(name, "A variable name")).Append("</key>\n")
                .Append("    <string>").Append(XmlText(value, $"The value of {name}")).Append("</string>\n");
        }

        return Fill(LoadTemplate(LaunchAgentResource), new Dictionary<string, string>
        {
            ["PROGRAM_ARGUMENTS"] = programArguments.ToString().TrimEnd('\n'),
            ["STDOUT_PATH"] = XmlText(Path.Combine(logDir, StdoutLogName), "The log dir"),
            ["STDERR_PATH"] = XmlText(Path.Combine(logDir, StderrLogName), "The log dir"),
            ["ENVIRONMENT_VARIABLES"] = variables.ToString().TrimEnd('\n'),
        });
    }

    /// <summary>The systemd user unit for <paramref name="daemon"/>.</summary>
    /// <exception cref="ServiceTemplateException">The executable path is one systemd refuses to run.</exception>
    public static string RenderSystemdUnit(DaemonLaunch daemon)
    {
        ArgumentNullException.ThrowIfNull(daemon);
        var exe = daemon.ExecutablePath;
        RequireAbsolute(exe, "The daemon executable");
        // systemd rejects these in the executable itself ("Executable name contains special
        // characters"), however they are quoted; arguments may hold anything but NUL.
        if (exe.IndexOfAny(['"', '\'', '\\']) >= 0 || exe.Any(char.IsControl))
        {
            throw new ServiceTemplateException(
                $"systemd cannot start an executable whose path contains a quote, a backslash or a control character: {exe}. Install gowatchd under a plainer path.");
        }
        if (Path.GetFullPath(exe) != exe)
        {
            throw new ServiceTemplateException($"systemd needs a normalized executable path (no '.', '..', '//' or trailing '/'): {exe}");
        }

        var execStart = new StringBuilder(QuoteForSystemd(exe, expandsVariables: false));
        foreach (var arg in daemon.Arguments)
        {
            execStart.Append(' ').Append(QuoteForSystemd(arg, expandsVariables: true));
        }

        var environment = new StringBuilder();
        foreach (var (name, value) in daemon.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            RequireVariableName(name);
            // Environment= does no $ expansion, so only specifiers and C escapes need care.
            environment.Append("Environment=").Append(QuoteForSystemd(name + "=" + value, expandsVariables: false)).Append('\n');
        }

        return Fill(LoadTemplate(SystemdUnitResource), new Dictionary<string, string>
        {
            ["EXEC_START"] = execStart.ToString(),
            ["ENVIRONMENT"] = environment.ToString().TrimEnd('\n'),
        });
    }

    /// <summary>
    /// One double-quoted systemd word: <c>\</c> and <c>"</c> escaped, <c>%</c> doubled (specifiers),
    /// <c>$</c> doubled where the setting expands variables, control characters as C escapes.
    /// </summary>
    internal static string QuoteForSystemd(string value, bool expandsVariables)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\0':
                    throw new ServiceTemplateException("A value for the systemd unit contains a NUL character.");
                case '\\': sb.Append(@"\\"); break;
                case '"': sb.Append("\\\""); break;
                case '%': sb.Append("%%"); break;
                case '$' when expandsVariables: sb.Append("$$"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\t': sb.Append(@"\t"); break;
                case '\r': sb.Append(@"\r"); break;
                case var control when char.IsControl(control):
                    // \x makes a byte, which for C1 controls would not be UTF-8; \u makes the character.
                    sb.Append(control < 0x80 ? @"\x" : @"\u").Append(((int)control).ToString(control < 0x80 ? "x2" : "x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>XML text content; <c>\r</c> as a character reference because XML parsers turn a raw one into <c>\n</c>.</summary>
    internal static string XmlText(string value, string what)
    {
        try
        {
            XmlConvert.VerifyXmlChars(value);
        }
        catch (XmlException)
        {
            throw new ServiceTemplateException($"{what} contains a character a plist cannot hold (a control character other than tab or newline): {value.Replace("\0", "\\0", StringComparison.Ordinal)}");
        }
        return SecurityElement.Escape(value).Replace("\r", "&#13;", StringComparison.Ordinal);
    }

    /// <summary>
    /// Drops the notes about the template itself (<c>## …</c> lines, <c>&lt;!--# … --&gt;</c> comments),
    /// then replaces every <c>{{NAME}}</c> in one pass, so text inside a value is never taken for a placeholder.
    /// </summary>
    internal static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(TemplateNote().Replace(template, ""), match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"Template placeholder {match.Value} has no value."));

    private static void RequireAbsolute(string path, string what)
    {
        if (string.IsNullOrEmpty(path) || !Path.IsPathFullyQualified(path))
        {
            throw new ServiceTemplateException($"{what} must be an absolute path, not '{path}'.");
        }
    }

    private static void RequireVariableName(string name)
    {
        if (!VariableName().IsMatch(name))
        {
            throw new ServiceTemplateException($"'{name}' is not a valid environment variable name.");
        }
    }

    [GeneratedRegex(@"^##[^\n]*\n|^<!--#.*?-->\n", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TemplateNote();

    [GeneratedRegex(@"\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
