using System.Text.RegularExpressions;
using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Probes;

/// <summary>
/// Reads what a traced login shell printed on stderr: which startup-file line assigned each
/// watched variable last, and which lines the shell complained about.
/// </summary>
internal static partial class ShellTrace
{
    // Startup files past this size are generated, not hand-written, and are not read line by line.
    private const long MaxSourceBytes = 4 * 1024 * 1024;

    /// <summary>Attributes each watched variable to its last assignment, from the trace first and the startup files second.</summary>
    public static IReadOnlyDictionary<string, Evidence> Assignments(ShellKind kind, string stderr, string home)
    {
        var result = new Dictionary<string, Evidence>(StringComparer.Ordinal);
        var tracedLines = false;
        var sources = new SourceLines();
        if (kind is ShellKind.Zsh or ShellKind.Bash)
        {
            // Only the last assignment of each variable becomes evidence (masking its text is not free,
            // and a generated rc file can trace hundreds of thousands of lines).
            var last = new Dictionary<string, (string File, int Line, string Cmd)>(StringComparer.Ordinal);
            (string File, int Line)? lastEval = null;
            (string File, int Line)? lastFileLine = null;
            foreach (var line in Lines(stderr))
            {
                if (line.Length == 0 || line[0] != '+')
                {
                    continue;
                }
                if (ParseTraceLine(line) is not { } traced)
                {
                    // zsh traces code run by eval as "(eval):N": it ran at the eval's own line, as
                    // /etc/zprofile's eval "$(/usr/libexec/path_helper -s)" does.
                    // zsh traces a function's body by the function's name: blame the file line that called it.
                    if (lastEval is { } at && ParseEvalLine(line) is { } evalCmd)
                    {
                        traced = (at.File, at.Line, evalCmd);
                    }
                    else if (lastFileLine is { } caller && ParseFunctionLine(line) is { } functionCmd)
                    {
                        traced = (caller.File, caller.Line, functionCmd);
                    }
                    else
                    {
                        continue;
                    }
                }
                else
                {
                    lastFileLine = (traced.File, traced.Line);
                    if (IsEval(traced.Cmd))
                    {
                        lastEval = (traced.File, traced.Line);
                    }
                }
                tracedLines = true;
                var cmd = traced.Cmd;
                if (!cmd.Contains('=', StringComparison.Ordinal) || !MayAssignWatched(cmd))
                {
                    continue;
                }
                foreach (Match a in PosixAssignment().Matches(cmd))
                {
                    var name = a.Groups["name"].Value == "path" && kind == ShellKind.Zsh ? "PATH" : a.Groups["name"].Value;
                    if (WatchedVariables.Names.Contains(name))
                    {
                        last[name] = (traced.File, traced.Line, cmd);
                    }
                }
            }
            foreach (var (name, at) in last)
            {
                result[name] = new Evidence(at.File, at.Line, sources.Line(at.File, at.Line) ?? at.Cmd);
            }
        }
        else if (kind == ShellKind.Fish)
        {
            var placed = new FishAssignmentLines(home);
            foreach (var (name, file, cmd) in FishAssignments(stderr, home))
            {
                result[name] = placed.Place(name, file, cmd);
            }
        }

        // A trace that names file and line saw every assignment that ran: a line it did not show
        // (an if branch not taken) must not be blamed. Only without one (fish, which names the file
        // but not the line; an untraced shell) do the startup files stand in for it.
        if (tracedLines)
        {
            return result;
        }
        // A fish trace saw every command that ran in the startup files, but not the universal
        // variables fish loads from fish_variables: only those stand in, never a line not run.
        var files = kind == ShellKind.Fish && Lines(stderr).Any(l => FishTraceLine().IsMatch(l))
            ? StartupFiles.For(kind, home).Where(f => Path.GetFileName(f) == "fish_variables").ToList()
            : StartupFiles.For(kind, home);
        foreach (var name in WatchedVariables.Names)
        {
            if (!result.ContainsKey(name) && StartupFiles.LastAssignment(kind, name, files) is { } found)
            {
                result[name] = found;
            }
        }
        return result;
    }

    /// <summary>
    /// Errors printed while the startup files were read, each at the line that printed it: where the
    /// shell names file and line, that; else the traced line that ran just before the message (the
    /// trace and the errors share stderr, in order); else, when the trace names no lines (fish,
    /// an untraced shell), the one startup-file line that can have printed it.
    /// </summary>
    public static IReadOnlyList<Evidence> Errors(ShellKind kind, string stderr, string home)
    {
        var errors = new List<Evidence>();
        string? fishMessage = null;
        string? fishSource = null;
        string? lastTraced = null;
        foreach (var raw in Lines(stderr))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }
            Match m;
            if (kind is ShellKind.Zsh or ShellKind.Bash && line[0] == '+')
            {
                // Parsed only when an error follows it.
                lastTraced = line;
                continue;
            }
            if (IsTrace(kind, line))
            {
                continue;
            }
            if ((m = ZshError().Match(line)).Success || (m = BashError().Match(line)).Success)
            {
                var file = m.Groups["file"].Value;
                var number = ParseInt(m.Groups["line"].Value);
                var message = m.Groups["msg"].Value.Trim();
                // bash follows a syntax error with the offending source line in backquotes: one error, not two.
                if (message.StartsWith('`') && errors.Count > 0 && errors[^1].File == file && errors[^1].Line == number)
                {
                    continue;
                }
                errors.Add(new Evidence(file, number, message));
                continue;
            }
            if ((m = FishError().Match(line)).Success)
            {
                var file = ExpandTilde(m.Groups["file"].Value, home);
                var message = m.Groups["msg"].Value.Trim();
                errors.Add(new Evidence(file, ParseInt(m.Groups["line"].Value), message.Length > 0 ? message : fishMessage ?? "error"));
                fishMessage = null;
                continue;
            }
            if (line.StartsWith("fish: ", StringComparison.Ordinal))
            {
                fishMessage = line["fish: ".Length..];
                continue;
            }
            if ((m = FishSourceError().Match(line)).Success)
            {
                fishSource = m.Groups["file"].Value;
                continue;
            }
            if (fishSource is not null && line.StartsWith("source: ", StringComparison.Ordinal))
            {
                errors.Add(Evidence.Note($"source {fishSource}: {line["source: ".Length..]}"));
                fishSource = null;
                continue;
            }
            if (GenericError().IsMatch(line) && !errors.Any(e => e.Text is { } t && line.Contains(t, StringComparison.Ordinal)))
            {
                var message = ShellPrefix().Replace(line, "");
                errors.Add(lastTraced is not null && ParseTraceLine(lastTraced) is { } at
                    ? new Evidence(at.File, at.Line, message)
                    : Evidence.Note(message));
            }
        }
        if (fishMessage is not null)
        {
            errors.Add(Evidence.Note("fish: " + fishMessage));
        }
        if (fishSource is not null)
        {
            errors.Add(Evidence.Note($"source {fishSource}: error"));
        }
        return errors.Select(e => e.File is null ? Locate(kind, e, home) ?? e : e).ToList();
    }

    /// <summary>The startup-file line that printed an unlocated error, when exactly one line can have.</summary>
    private static Evidence? Locate(ShellKind kind, Evidence error, string home)
    {
        var text = error.Text ?? "";
        Func<string, bool>? printedBy = null;
        Match m;
        if ((m = MissingCommand().Match(text)).Success)
        {
            var command = m.Groups["cmd"].Success && m.Groups["cmd"].Length > 0 ? m.Groups["cmd"].Value : m.Groups["cmd2"].Value;
            printedBy = source => FirstWord(source) == command;
        }
        else if ((m = MissingSourced().Match(text)).Success)
        {
            var file = m.Groups["file"].Success && m.Groups["file"].Length > 0 ? m.Groups["file"].Value : m.Groups["file2"].Value;
            // The line may name it as the user wrote it: ~/… or $HOME/….
            var spellings = new List<string> { file };
            if (file.StartsWith(home.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                var under = file[(home.TrimEnd('/').Length + 1)..];
                spellings.AddRange(["~/" + under, "$HOME/" + under, "${HOME}/" + under]);
            }
            printedBy = source => FirstWord(source) is "source" or "." && spellings.Any(f => source.Contains(f, StringComparison.Ordinal));
        }
        if (printedBy is null)
        {
            return null;
        }
        var candidates = new List<Evidence>();
        foreach (var file in StartupFiles.For(kind, home))
        {
            string[] lines;
            try
            {
                if (ReadableText(file) is not { } read)
                {
                    continue;
                }
                lines = read;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            for (var i = 0; i < lines.Length; i++)
            {
                var source = lines[i].Trim();
                if (!source.StartsWith('#') && printedBy(source))
                {
                    candidates.Add(new Evidence(file, i + 1, text));
                }
            }
        }
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>
    /// A zsh/bash trace line <c>+FILE:LINE> CMD</c> (one <c>+</c> per nesting level), or null. Parsed
    /// by hand: a generated rc file can trace hundreds of thousands of lines. The first
    /// <c>:DIGITS&gt; </c> after the path ends it, as the lazy pattern it replaces did.
    /// </summary>
    internal static (string File, int Line, string Cmd)? ParseTraceLine(string line)
    {
        var start = 0;
        while (start < line.Length && line[start] == '+')
        {
            start++;
        }
        if (start == 0 || start >= line.Length || line[start] != '/')
        {
            return null;
        }
        for (var gt = line.IndexOf("> ", start, StringComparison.Ordinal); gt > 0; gt = line.IndexOf("> ", gt + 1, StringComparison.Ordinal))
        {
            var digits = gt;
            while (digits > start && char.IsAsciiDigit(line[digits - 1]))
            {
                digits--;
            }
            if (digits < gt && digits - 1 > start && line[digits - 1] == ':' &&
                int.TryParse(line.AsSpan(digits, gt - digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return (line[start..(digits - 1)], number, line[(gt + 2)..]);
            }
        }
        return null;
    }

    private static bool IsEval(string cmd) => cmd.StartsWith("eval ", StringComparison.Ordinal) || cmd.StartsWith("builtin eval ", StringComparison.Ordinal);

    /// <summary>The command of a zsh trace line <c>+(eval):N&gt; CMD</c>, or null.</summary>
    internal static string? ParseEvalLine(string line)
    {
        var start = 0;
        while (start < line.Length && line[start] == '+')
        {
            start++;
        }
        const string Eval = "(eval):";
        if (start == 0 || string.CompareOrdinal(line, start, Eval, 0, Eval.Length) != 0)
        {
            return null;
        }
        var gt = line.IndexOf("> ", start + Eval.Length, StringComparison.Ordinal);
        return gt < 0 ? null : line[(gt + 2)..];
    }

    /// <summary>The command of a zsh trace line inside a function, <c>+NAME:N&gt; CMD</c> (NAME not a path), or null.</summary>
    internal static string? ParseFunctionLine(string line)
    {
        var start = 0;
        while (start < line.Length && line[start] == '+')
        {
            start++;
        }
        if (start == 0 || start >= line.Length || line[start] is '/' or '(')
        {
            return null;
        }
        var gt = line.IndexOf("> ", start, StringComparison.Ordinal);
        if (gt < 0)
        {
            return null;
        }
        var colon = line.LastIndexOf(':', gt);
        return colon > start && colon + 1 < gt && line.AsSpan(colon + 1, gt - colon - 1).ContainsAnyExceptInRange('0', '9') == false &&
            !line.AsSpan(start, colon - start).ContainsAny(" \t/")
            ? line[(gt + 2)..]
            : null;
    }

    private static bool MayAssignWatched(string cmd)
    {
        foreach (var name in WatchedVariables.Names)
        {
            if (cmd.Contains(name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        // zsh's path array stands for PATH.
        return cmd.Contains("path", StringComparison.Ordinal);
    }

    /// <summary>
    /// Startup files read once each: a trace can name the same file hundreds of thousands of times
    /// (a generated rc file), and re-reading it per line would be quadratic. Files past the
    /// static-search cap are not read; the traced command stands in for their lines.
    /// </summary>
    private sealed class SourceLines
    {
        private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

        public string? Line(string file, int line)
        {
            if (!_files.TryGetValue(file, out var lines))
            {
                lines = Read(file);
                _files[file] = lines;
            }
            if (lines is null || line < 1 || line > lines.Length)
            {
                return null;
            }
            var text = lines[line - 1].Trim();
            // zsh traces a multi-line array (path=( … )) at its first line: the evidence is all of it.
            if (text.EndsWith('(') && !text.StartsWith('#'))
            {
                var joined = new System.Text.StringBuilder(text);
                var open = Balance(text);
                for (var i = line; i < lines.Length && i < line + 40 && open > 0; i++)
                {
                    var next = lines[i].Trim();
                    joined.Append(' ').Append(next);
                    open += Balance(next);
                }
                if (open <= 0)
                {
                    return joined.ToString();
                }
            }
            return text;
        }

        private static int Balance(string text) => text.Count(c => c == '(') - text.Count(c => c == ')');

        private static string[]? Read(string file)
        {
            return ReadableText(file);
        }
    }

    /// <summary>
    /// The lines of a startup file, or null for a missing, empty, oversized or unreadable one. A FIFO
    /// or a device reports size 0 and is never opened: opening a FIFO blocks until someone writes.
    /// </summary>
    private static string[]? ReadableText(string file)
    {
        try
        {
            var info = new FileInfo(file);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            if (target is not { Exists: true } || info.Length == 0 || target.Length == 0 || target.Length > MaxSourceBytes)
            {
                return null;
            }
            return File.ReadAllLines(target.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string FirstWord(string line) => line.Split([' ', '\t', ';'], 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "";

    private static IEnumerable<(string Name, string File, string Cmd)> FishAssignments(string stderr, string home)
    {
        // fish_trace prints "---> cmd" with the dash count as depth; a "source F" line opens F,
        // whose body is traced deeper until the depth falls back.
        var stack = new Stack<(int Depth, string File)>();
        foreach (var line in Lines(stderr))
        {
            var m = FishTraceLine().Match(line);
            if (!m.Success)
            {
                continue;
            }
            var depth = m.Groups["dashes"].Length;
            var cmd = m.Groups["cmd"].Value;
            while (stack.Count > 0 && stack.Peek().Depth >= depth)
            {
                stack.Pop();
            }
            if (cmd.StartsWith("source ", StringComparison.Ordinal))
            {
                stack.Push((depth, ExpandTilde(FishWord(cmd["source ".Length..]), home)));
                continue;
            }
            if (stack.Count == 0)
            {
                continue;
            }
            foreach (var name in WatchedVariables.Names)
            {
                if (StartupFiles.Assigns(ShellKind.Fish, name, cmd))
                {
                    yield return (name, stack.Peek().File, cmd);
                }
            }
        }
    }

    private static bool IsTrace(ShellKind kind, string line) => kind switch
    {
        ShellKind.Fish => FishTraceLine().IsMatch(line),
        ShellKind.Zsh or ShellKind.Bash => line.StartsWith('+'),
        _ => false,
    };

    private static string ExpandTilde(string path, string home) =>
        path == "~" ? home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..]) : path;

    /// <summary>The first word of a traced fish command, unescaped.</summary>
    private static string FishWord(string text) => FishWords(text, 1) is [var first, ..] ? first : "";

    /// <summary>
    /// The words of a traced fish command, unescaped. fish single-quotes an argument when only
    /// printable characters need escaping, else uses backslashes: \n \t \r \b \e, \cX for other
    /// control characters, \xHH, \XHH for a byte that is not UTF-8, and \ before any other character.
    /// </summary>
    internal static List<string> FishWords(string text, int max = int.MaxValue)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder(text.Length);
        var quoted = false;
        var started = false;
        for (var i = 0; i < text.Length && words.Count < max; i++)
        {
            var c = text[i];
            if (!quoted && c == ' ')
            {
                if (started)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    started = false;
                }
                continue;
            }
            started = true;
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (c != '\\' || i + 1 == text.Length)
            {
                word.Append(c);
            }
            else if (quoted)
            {
                // Within quotes only \' and \\ are escapes.
                var next = text[++i];
                if (next is not ('\'' or '\\'))
                {
                    word.Append('\\');
                }
                word.Append(next);
            }
            else if (text[i + 1] is 'x' or 'X' && i + 3 < text.Length &&
                     byte.TryParse(text.AsSpan(i + 2, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b))
            {
                // .NET names a file whose name is not UTF-8 with U+FFFD in its place.
                word.Append(text[i + 1] == 'x' ? (char)b : '\uFFFD');
                i += 3;
            }
            else if (text[i + 1] == 'c' && i + 2 < text.Length && text[i + 2] is >= 'a' and <= 'z')
            {
                word.Append((char)(text[i + 2] - 'a' + 1));
                i += 2;
            }
            else
            {
                word.Append(text[++i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'e' => '\u001b', var other => other });
            }
        }
        if (started && words.Count < max)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    private static int? ParseInt(string text) => int.TryParse(text, out var n) ? n : null;

    private static IEnumerable<string> Lines(string text) => text.Split('\n');

    [GeneratedRegex(@"(?:^|[\s;(&|])(?:export\s+|typeset\s+(?:-\w+\s+)*|declare\s+(?:-\w+\s+)*|readonly\s+)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\+?=")]
    private static partial Regex PosixAssignment();

    [GeneratedRegex(@"^(?<dashes>-*)> (?<cmd>.*)$")]
    private static partial Regex FishTraceLine();

    // zsh: "FILE:LINE: msg", and for source/. or inside a function "FILE:WORD:LINE: msg".
    [GeneratedRegex(@"^(?<file>/[^:]+):(?:[^:\s/]+:)?(?<line>\d+): (?<msg>.+)$")]
    private static partial Regex ZshError();

    [GeneratedRegex(@"^(?:-?\w*sh: )?(?<file>/.+?): line (?<line>\d+): (?<msg>.+)$")]
    private static partial Regex BashError();

    [GeneratedRegex(@"^(?<file>(?:~|/).*?) \(line (?<line>\d+)\):\s*(?<msg>.*)$")]
    private static partial Regex FishError();

    [GeneratedRegex(@"parse error|syntax error|command not found|Unknown command|unexpected|bad substitution|no such file or directory", RegexOptions.IgnoreCase)]
    private static partial Regex GenericError();

    [GeneratedRegex(@"^source: Error encountered while sourcing file '(?<file>.*)':?$")]
    private static partial Regex FishSourceError();

    [GeneratedRegex(@"^-?\w*sh: ")]
    private static partial Regex ShellPrefix();

    [GeneratedRegex(@"^(?:(?<cmd>[^\s:]+): command not found|command not found: (?<cmd2>\S+)|Unknown command: (?<cmd2>\S+))")]
    private static partial Regex MissingCommand();

    [GeneratedRegex(@"^(?:(?<file>/[^:]+): No such file or directory|source (?<file2>/.+?): )", RegexOptions.IgnoreCase)]
    private static partial Regex MissingSourced();
}
