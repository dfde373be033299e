using System.Text.RegularExpressions;
using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Probes;

/// <summary>
/// The startup files a login shell reads, in order, and a static search for the line that
/// assigns a variable. This is the fallback when the trace cannot name a file and line: fish's
/// trace has no line numbers, a shell that is neither zsh, bash nor fish is not traced, and a
/// shell that did not start left no trace.
/// </summary>
internal static partial class StartupFiles
{
    /// <summary>Startup files in the order the shell reads them (later assignments win).</summary>
    public static IReadOnlyList<string> For(ShellKind kind, string home)
    {
        string H(string relative) => Path.Combine(home, relative);
        switch (kind)
        {
            case ShellKind.Zsh:
                return ["/etc/zshenv", "/etc/zsh/zshenv", H(".zshenv"), "/etc/zprofile", "/etc/zsh/zprofile", H(".zprofile"),
                        "/etc/zshrc", "/etc/zsh/zshrc", H(".zshrc"), "/etc/zlogin", "/etc/zsh/zlogin", H(".zlogin")];
            case ShellKind.Fish:
                var confd = Path.Combine(home, ".config", "fish", "conf.d");
                var snippets = Directory.Exists(confd)
                    ? Directory.GetFiles(confd, "*.fish").Order(StringComparer.Ordinal).ToArray()
                    : [];
                return ["/etc/fish/config.fish", H(".config/fish/fish_variables"), .. snippets, H(".config/fish/config.fish")];
            default:
                // bash reads only the first of these three; ~/.bashrc is usually sourced from it, early.
                var profile = new[] { ".bash_profile", ".bash_login", ".profile" }.Select(H).FirstOrDefault(File.Exists) ?? H(".profile");
                return ["/etc/profile", "/etc/bash.bashrc", H(".bashrc"), profile];
        }
    }

    /// <summary>The last line in <paramref name="files"/> that assigns <paramref name="variable"/>, or null.</summary>
    public static Evidence? LastAssignment(ShellKind kind, string variable, IEnumerable<string> files)
    {
        Evidence? last = null;
        foreach (var file in files)
        {
            if (LastAssignmentIn(kind, variable, file) is { } found)
            {
                last = found;
            }
        }
        return last;
    }

    /// <summary>The last line of one file that assigns <paramref name="variable"/>, or null.</summary>
    public static Evidence? LastAssignmentIn(ShellKind kind, string variable, string file)
    {
        string[] lines;
        try
        {
            if (!File.Exists(file) || new FileInfo(file).Length > 4 * 1024 * 1024)
            {
                return null;
            }
            lines = File.ReadAllLines(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        Evidence? last = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].TrimStart();
            if (text.StartsWith('#') || !Assigns(kind, variable, text))
            {
                continue;
            }
            last = new Evidence(file, i + 1, lines[i].Trim());
        }
        return last;
    }

    /// <summary>True when the source line assigns <paramref name="variable"/> in the shell's syntax.</summary>
    public static bool Assigns(ShellKind kind, string variable, string line)
    {
        var name = Regex.Escape(variable);
        if (kind == ShellKind.Fish)
        {
            if (Regex.IsMatch(line, $@"(^|[;\s])set\s+(-[-\w]+\s+)*{name}(\s|$)") ||
                Regex.IsMatch(line, $@"^SETUVAR\s+(--export\s+)?{name}:"))
            {
                return true;
            }
            return variable == "PATH" && FishPathHelper().IsMatch(line);
        }
        if (Regex.IsMatch(line, $@"(^|[;\s&|(])(export\s+|typeset\s+(-\w+\s+)*|declare\s+(-\w+\s+)*|readonly\s+)?{name}\+?="))
        {
            return true;
        }
        return variable == "PATH" && kind == ShellKind.Zsh && ZshPathArray().IsMatch(line);
    }

    [GeneratedRegex(@"(^|[;\s])(fish_add_path|set\s+(-[-\w]+\s+)*fish_user_paths)(\s|$)")]
    private static partial Regex FishPathHelper();

    [GeneratedRegex(@"(^|[;\s])(typeset\s+(-\w+\s+)*)?path\+?=\(")]
    private static partial Regex ZshPathArray();
}
