using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Catalogue;

/// <summary>Writes fixes in the user's own shell dialect and names the file to put them in.</summary>
internal static class ShellSyntax
{
    public static string RcFile(ShellKind kind) => kind switch
    {
        ShellKind.Fish => "~/.config/fish/config.fish",
        ShellKind.Bash => "~/.bash_profile",
        _ => "~/.zshrc",
    };

    public static string PrependPath(ShellKind kind, string dir) => kind == ShellKind.Fish
        ? $"fish_add_path --move --prepend {Quote(dir)}"
        : $"export PATH={Quote(dir)}:\"$PATH\"";

    public static string AppendPath(ShellKind kind, string dir) => kind == ShellKind.Fish
        ? $"fish_add_path --append {Quote(dir)}"
        : $"export PATH=\"$PATH\":{Quote(dir)}";

    public static string Export(ShellKind kind, string name, string value) => kind == ShellKind.Fish
        ? $"set -gx {name} {Quote(value)}"
        : $"export {name}={Quote(value)}";

    /// <summary>An export of a directory under HOME that the shell expands: double quotes, never single ones, which would keep "$HOME" literally.</summary>
    public static string ExportUnderHome(ShellKind kind, string name, string relative) => kind == ShellKind.Fish
        ? $"set -gx {name} \"$HOME/{relative}\""
        : $"export {name}=\"$HOME/{relative}\"";

    /// <summary>
    /// The user's own startup file to put a line in: the first of <paramref name="settings"/> that is
    /// in HOME (where the user keeps it), else the usual rc file. In zsh a zshenv is passed over for PATH lines.
    /// </summary>
    public static string UserFile(ShellKind kind, string home, bool pathLine, params Evidence?[] settings)
    {
        foreach (var setting in settings)
        {
            if (setting?.File is { } f && f.StartsWith(home.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                if (pathLine && kind == ShellKind.Zsh && Path.GetFileName(f) == ".zshenv")
                {
                    return "~/.zprofile";
                }
                return "~/" + f[(home.TrimEnd('/').Length + 1)..];
            }
        }
        return RcFile(kind);
    }

    /// <summary>
    /// <paramref name="line"/> (an assignment of PATH) without its empty entries: a leading, trailing
    /// or doubled ":" in the value. Null when the line is not a plain PATH assignment.
    /// </summary>
    public static string? WithoutEmptyPathEntries(string line)
    {
        var m = System.Text.RegularExpressions.Regex.Match(line.Trim(), "^(?<head>(export\\s+)?PATH=)(?<value>.*)$");
        if (!m.Success)
        {
            return null;
        }
        var value = m.Groups["value"].Value;
        while (value.Contains("::", StringComparison.Ordinal))
        {
            value = value.Replace("::", ":", StringComparison.Ordinal);
        }
        // Leading: PATH=:… or PATH=":…"; trailing: …: or …:" (the quote stays).
        if (value.StartsWith(':'))
        {
            value = value[1..];
        }
        else if (value.Length > 1 && value[0] is '"' or '\'' && value[1] == ':')
        {
            value = value[0] + value[2..];
        }
        if (value.EndsWith(':'))
        {
            value = value[..^1];
        }
        else if (value.Length > 1 && value[^1] is '"' or '\'' && value[^2] == ':')
        {
            value = value[..^2] + value[^1];
        }
        return m.Groups["head"].Value + value;
    }

    /// <summary>
    /// <paramref name="line"/> (a plain PATH assignment) without its empty entries, <c>.</c> and the
    /// relative entries named; a quoted <c>~/</c>, which no shell expands, becomes <c>$HOME/</c>. Null
    /// when the line is not a plain PATH assignment or nothing would be left.
    /// </summary>
    public static string? WithoutUnsafePathEntries(string line, IReadOnlyCollection<string> relative)
    {
        if (WithoutEmptyPathEntries(line) is not { } withoutEmpty)
        {
            return null;
        }
        var eq = withoutEmpty.IndexOf('=', StringComparison.Ordinal);
        var head = withoutEmpty[..(eq + 1)];
        var value = withoutEmpty[(eq + 1)..];
        var quote = "";
        if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] && value.IndexOf(value[0], 1) == value.Length - 1)
        {
            quote = value[..1];
            value = value[1..^1];
        }
        var kept = new List<string>();
        foreach (var entry in value.Split(':'))
        {
            // A tilde inside quotes is a relative directory named "~"; the user meant HOME.
            var bare = entry.Trim('"');
            if (bare.StartsWith("~/", StringComparison.Ordinal) && (quote == "\"" || entry.StartsWith('"')))
            {
                kept.Add(entry.Replace("~/", "$HOME/", StringComparison.Ordinal));
                continue;
            }
            if (entry.Length == 0 || entry is "." or "./" || relative.Contains(entry))
            {
                continue;
            }
            kept.Add(entry);
        }
        return kept.Count == 0 ? null : head + quote + string.Join(':', kept) + quote;
    }

    /// <summary>
    /// <paramref name="line"/> (an assignment that replaces PATH) keeping the existing PATH after it,
    /// or null when it is not a plain PATH assignment or already keeps it.
    /// </summary>
    public static string? KeepingPath(ShellKind kind, string line)
    {
        var text = line.Trim();
        if (text.Contains("$PATH", StringComparison.Ordinal) || text.Contains("${PATH}", StringComparison.Ordinal) || text.Contains('#'))
        {
            return null;
        }
        if (kind == ShellKind.Fish)
        {
            return System.Text.RegularExpressions.Regex.IsMatch(text, "^set\\s+(-[a-zA-Z]+\\s+)*PATH(\\s|$)") ? text + " $PATH" : null;
        }
        return System.Text.RegularExpressions.Regex.IsMatch(text, "^(export\\s+)?PATH=[^;&|]+$") ? text + ":\"$PATH\"" : null;
    }

    /// <summary>A command that runs the login shell traced, line by line: fish has no <c>-x</c> and traces with <c>fish_trace</c>.</summary>
    public static string TraceCommand(ShellKind kind, string shell) => kind == ShellKind.Fish
        ? $"fish_trace=1 {shell} -l -c exit"
        : $"{shell} -l -i -x -c exit";

    public static string Unset(ShellKind kind, string name) => kind == ShellKind.Fish ? $"set -e {name}" : $"unset {name}";

    /// <summary>
    /// Where a PATH line should go, next to <paramref name="setting"/> when that works: in zsh never a
    /// zshenv, because /etc/zprofile runs after it and path_helper moves /etc/paths ahead of it.
    /// </summary>
    public static string PathLineWhere(ShellKind kind, Evidence? setting, string home) =>
        kind == ShellKind.Zsh && setting?.File is { } f && Path.GetFileName(f) is ".zshenv" or "zshenv"
            ? "~/.zprofile (not ~/.zshenv: /etc/zprofile runs after it and its path_helper puts /etc/paths ahead of what ~/.zshenv set)"
            : Where(setting, home);

    /// <summary>The line of a startup file in words, its file as people write it (<c>~/.zshrc line 3</c>): prose, never a command's argument.</summary>
    public static string Where(Evidence? evidence, string home)
    {
        if (evidence is not { File: { } file })
        {
            return "your shell startup files";
        }
        var shown = HomePaths.Tilde(file, home);
        return evidence.Line is { } line ? $"{shown} line {line}" : shown;
    }

    // Single quotes keep paths with spaces, $() and backticks literal in every supported shell.
    public static string Quote(string text) =>
        text.All(c => char.IsLetterOrDigit(c) || "/._-+:@%".Contains(c)) ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
