using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Probes;

/// <summary>
/// Places a traced fish assignment at the source line that ran it. fish_trace prints the command
/// with its arguments expanded but no line number, so the line is the last one in the file that
/// assigns the variable and whose literal arguments all appear in the traced command: of an
/// <c>if … else</c> or <c>switch</c> that sets GOPATH to different values, the branch that ran.
/// Arguments built from variables other than HOME, or from command substitutions, match anything;
/// when no line matches, the file's last assignment stands in.
/// </summary>
internal sealed class FishAssignmentLines(string home)
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "not", "builtin", "command", "begin", "if", "while", "else" };

    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    public Evidence Place(string name, string file, string tracedCmd)
    {
        if (Lines(file) is not { } lines)
        {
            return StartupFiles.LastAssignmentIn(ShellKind.Fish, name, file) ?? new Evidence(file, null, tracedCmd);
        }
        var traced = Arguments(ShellTrace.FishWords(tracedCmd), name).ToHashSet(StringComparer.Ordinal);
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            var text = lines[i].Trim();
            if (text.StartsWith('#') || !StartupFiles.Assigns(ShellKind.Fish, name, text))
            {
                continue;
            }
            foreach (var command in Commands(text))
            {
                if (StartupFiles.Assigns(ShellKind.Fish, name, command) &&
                    Arguments(SourceWords(command), name).All(a => a is null || traced.Contains(a)))
                {
                    return new Evidence(file, i + 1, text);
                }
            }
        }
        return StartupFiles.LastAssignmentIn(ShellKind.Fish, name, file) ?? new Evidence(file, null, tracedCmd);
    }

    /// <summary>The values a command assigns: its words after the command name, without flags and the variable's own name.</summary>
    private static IEnumerable<string?> Arguments(IReadOnlyList<string?> words, string name)
    {
        var i = 0;
        while (i < words.Count && words[i] is { } w && Keywords.Contains(w))
        {
            i++;
        }
        for (i++; i < words.Count; i++)
        {
            if (words[i] is { } w && (w.StartsWith('-') || w == name || w == "fish_user_paths"))
            {
                continue;
            }
            yield return words[i];
        }
    }

    /// <summary>The commands of a source line, split at unquoted <c>;</c>, <c>|</c> and <c>&amp;</c>.</summary>
    private static IEnumerable<string> Commands(string line)
    {
        var quote = '\0';
        var start = 0;
        var end = line.Length;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\')
                {
                    i++;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == '#')
            {
                end = i;
                break;
            }
            else if (c is ';' or '|' or '&')
            {
                yield return line[start..i];
                start = i + 1;
            }
        }
        yield return line[start..end];
    }

    /// <summary>
    /// The words of one source command as fish would expand them, or null for a word whose value
    /// this cannot know (a variable other than HOME, a command substitution, a glob).
    /// </summary>
    private List<string?> SourceWords(string command)
    {
        var words = new List<string?>();
        var word = new System.Text.StringBuilder();
        var known = true;
        var started = false;
        var quote = '\0';
        void End()
        {
            if (started)
            {
                words.Add(known ? word.ToString() : null);
            }
            word.Clear();
            known = true;
            started = false;
        }
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }
                else if (c == '\\' && i + 1 < command.Length && command[i + 1] is '\'' or '\\')
                {
                    word.Append(command[++i]);
                }
                else
                {
                    word.Append(c);
                }
                continue;
            }
            if (quote == '\0' && char.IsWhiteSpace(c))
            {
                End();
                continue;
            }
            started = true;
            if (c == '"' && quote == '"')
            {
                quote = '\0';
            }
            else if (c is '\'' or '"' && quote == '\0')
            {
                quote = c;
            }
            else if (c == '\\' && i + 1 < command.Length)
            {
                word.Append(command[++i]);
            }
            else if (c == '~' && quote == '\0' && word.Length == 0)
            {
                word.Append(home);
            }
            else if (c == '$')
            {
                var rest = command.AsSpan(i + 1);
                if (rest.StartsWith("HOME") && (rest.Length == 4 || !(char.IsLetterOrDigit(rest[4]) || rest[4] == '_')))
                {
                    word.Append(home);
                    i += 4;
                }
                else if (rest.StartsWith("{HOME}"))
                {
                    word.Append(home);
                    i += 6;
                }
                else
                {
                    known = false;
                }
            }
            else if (quote == '\0' && c is '(' or '*' or '?' or '{')
            {
                known = false;
            }
            else
            {
                word.Append(c);
            }
        }
        End();
        return words;
    }

    private string[]? Lines(string file)
    {
        if (!_files.TryGetValue(file, out var lines))
        {
            try
            {
                lines = File.Exists(file) && new FileInfo(file).Length <= 4 * 1024 * 1024 && GoWatch.Platform.Security.RegularFile.ReadAllText(file, 4 * 1024 * 1024) is { } text
                    ? text.ReplaceLineEndings("\n").Split('\n')
                    : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                lines = null;
            }
            _files[file] = lines;
        }
        return lines;
    }
}
