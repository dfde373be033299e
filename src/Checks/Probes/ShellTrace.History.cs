using System.Text.RegularExpressions;
using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Probes;

internal static partial class ShellTrace
{
    /// <summary>
    /// Every assignment of each watched variable that ran, in the order it ran: the last one is
    /// the value the shell exports, the ones before it are the lines it overrode. Only a trace
    /// can say this (an <c>if</c> branch not taken never ran), so an untraced shell gives none.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Evidence>> AssignmentHistory(ShellKind kind, string stderr, string home)
    {
        var ran = new Dictionary<string, List<(string File, int? Line, string Cmd)>>(StringComparer.Ordinal);
        void Add(string name, string file, int? line, string cmd)
        {
            if (!ran.TryGetValue(name, out var list))
            {
                ran[name] = list = [];
            }
            // A line run again (a loop, a file sourced twice) counts where it ran last.
            list.RemoveAll(a => a.File == file && a.Line == line && line is not null);
            list.Add((file, line, cmd));
        }

        if (kind is ShellKind.Zsh or ShellKind.Bash)
        {
            foreach (var line in Lines(stderr))
            {
                if (line.Length == 0 || line[0] != '+' || ParseTraceLine(line) is not { } traced)
                {
                    continue;
                }
                if (!traced.Cmd.Contains('=', StringComparison.Ordinal) || !MayAssignWatched(traced.Cmd))
                {
                    continue;
                }
                foreach (Match a in PosixAssignment().Matches(traced.Cmd))
                {
                    var name = a.Groups["name"].Value == "path" && kind == ShellKind.Zsh ? "PATH" : a.Groups["name"].Value;
                    if (WatchedVariables.Names.Contains(name))
                    {
                        Add(name, traced.File, traced.Line, traced.Cmd);
                    }
                }
            }
        }
        else if (kind == ShellKind.Fish)
        {
            // fish's trace names the file but not the line: the line whose arguments the traced command shows.
            var placed = new FishAssignmentLines(home);
            foreach (var (name, file, cmd) in FishAssignments(stderr, home))
            {
                var at = placed.Place(name, file, cmd);
                Add(name, file, at.Line, at.Text ?? cmd);
            }
        }

        var sources = new SourceLines();
        return ran.ToDictionary(
            r => r.Key,
            r => (IReadOnlyList<Evidence>)r.Value.Select(a => a.Line is { } n
                ? new Evidence(a.File, n, sources.Line(a.File, n) ?? a.Cmd)
                : new Evidence(a.File, null, a.Cmd)).ToList(),
            StringComparer.Ordinal);
    }
}
