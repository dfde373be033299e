using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Model;
using Spectre.Console;

namespace GoWatch.Cli.Rendering;

/// <summary>
/// A patch that <c>git apply</c> and <c>patch</c> accept: headers <c>--- a/&lt;abs path&gt;</c> and
/// <c>+++ b/&lt;abs path&gt;</c> as <c>git diff --no-index</c> writes absolute paths (apply it from
/// <c>/</c>), <c>/dev/null</c> for a file that did not exist before or after, and
/// "\ No newline at end of file" where a side ends without one. DiffPlex finds the changed lines.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <param name="before">The content before; null when the file did not exist.</param>
    /// <param name="after">The content after; null when the file no longer exists.</param>
    public static string Create(byte[]? before, byte[]? after, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var oldName = before is null ? "/dev/null" : "a" + path;
        var newName = after is null ? "/dev/null" : "b" + path;
        if ((before ?? []).AsSpan().Contains((byte)0) || (after ?? []).AsSpan().Contains((byte)0))
        {
            return $"Binary files {oldName} and {newName} differ\n";
        }
        var a = Encoding.UTF8.GetString(before ?? []);
        var b = Encoding.UTF8.GetString(after ?? []);
        var result = Differ.Instance.CreateDiffs(a, b, ignoreWhiteSpace: false, ignoreCase: false, LinesKeepingEndings.Instance);
        if (result.DiffBlocks.Count == 0)
        {
            return "";
        }
        var patch = new StringBuilder();
        patch.Append("--- ").Append(oldName).Append('\n');
        patch.Append("+++ ").Append(newName).Append('\n');
        foreach (var hunk in Hunks(result.DiffBlocks))
        {
            WriteHunk(patch, hunk, result.PiecesOld, result.PiecesNew);
        }
        return patch.ToString();
    }

    public static void Write(CliContext context, string diff)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(diff);
        diff = Visible.Block(diff);
        if (!context.Color)
        {
            context.Out.Write(diff.Length == 0 || diff.EndsWith('\n') ? diff : diff + "\n");
            context.Out.Flush();
            return;
        }
        foreach (var line in diff.TrimEnd('\n').Split('\n'))
        {
            var style = line switch
            {
                _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => "bold",
                _ when line.StartsWith('+') => "green",
                _ when line.StartsWith('-') => "red",
                _ when line.StartsWith("@@", StringComparison.Ordinal) => "cyan",
                _ when line.StartsWith('\\') => "grey",
                _ => null,
            };
            context.Console.MarkupLine(style is null ? Markup.Escape(line) : $"[{style}]{Markup.Escape(line)}[/]");
        }
    }

    /// <summary>Changed blocks whose context would touch or overlap, grouped into one hunk each.</summary>
    private static IEnumerable<List<DiffBlock>> Hunks(IList<DiffBlock> blocks)
    {
        var group = new List<DiffBlock>();
        foreach (var block in blocks)
        {
            if (group.Count > 0 && block.DeleteStartA - (group[^1].DeleteStartA + group[^1].DeleteCountA) > 2 * Context)
            {
                yield return group;
                group = [];
            }
            group.Add(block);
        }
        if (group.Count > 0)
        {
            yield return group;
        }
    }

    private static void WriteHunk(StringBuilder patch, List<DiffBlock> hunk, IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
    {
        var first = hunk[0];
        var last = hunk[^1];
        var startA = Math.Max(0, first.DeleteStartA - Context);
        var endA = Math.Min(oldLines.Count, last.DeleteStartA + last.DeleteCountA + Context);
        var startB = first.InsertStartB - (first.DeleteStartA - startA);
        var endB = last.InsertStartB + last.InsertCountB + (endA - (last.DeleteStartA + last.DeleteCountA));
        patch.Append("@@ -").Append(Range(startA, endA - startA)).Append(" +").Append(Range(startB, endB - startB)).Append(" @@\n");

        var a = startA;
        foreach (var block in hunk)
        {
            for (; a < block.DeleteStartA; a++)
            {
                Line(patch, ' ', oldLines[a]);
            }
            for (var i = 0; i < block.DeleteCountA; i++)
            {
                Line(patch, '-', oldLines[block.DeleteStartA + i]);
            }
            for (var i = 0; i < block.InsertCountB; i++)
            {
                Line(patch, '+', newLines[block.InsertStartB + i]);
            }
            a = block.DeleteStartA + block.DeleteCountA;
        }
        for (; a < endA; a++)
        {
            Line(patch, ' ', oldLines[a]);
        }
    }

    /// <summary>"3,4" (from line 3, 4 lines); "3" for one line; for none, the line before and 0, as diff -u writes it.</summary>
    private static string Range(int start, int length) => length switch
    {
        0 => $"{start.ToString(CultureInfo.InvariantCulture)},0",
        1 => (start + 1).ToString(CultureInfo.InvariantCulture),
        _ => $"{(start + 1).ToString(CultureInfo.InvariantCulture)},{length.ToString(CultureInfo.InvariantCulture)}",
    };

    private static void Line(StringBuilder patch, char mark, string line)
    {
        patch.Append(mark).Append(line);
        if (!line.EndsWith('\n'))
        {
            patch.Append("\n\\ No newline at end of file\n");
        }
    }

    /// <summary>Lines with their "\n" kept, so a last line without one differs from the same line with one.</summary>
    private sealed class LinesKeepingEndings : IChunker
    {
        public static readonly LinesKeepingEndings Instance = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            var lines = new List<string>();
            var start = 0;
            while (start < text.Length)
            {
                var end = text.IndexOf('\n', start);
                end = end < 0 ? text.Length : end + 1;
                lines.Add(text[start..end]);
                start = end;
            }
            return lines;
        }
    }
}
