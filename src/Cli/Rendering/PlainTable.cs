using System.Text;

namespace GoWatch.Cli.Rendering;

/// <summary>
/// Columns for a pipe: one header line, then one line per row, aligned with two spaces, no
/// rules, no trailing spaces, so <c>head</c>, <c>grep</c> and <c>awk</c> see rows from the start.
/// </summary>
public static class PlainTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IReadOnlyList<string[]> rows, int rightAligned = -1)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var line = new StringBuilder();
        foreach (var row in rows.Prepend(header.ToArray()))
        {
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                var cell = OneLine(row[i]);
                var last = i == row.Length - 1;
                line.Append(i == rightAligned ? cell.PadLeft(widths[i]) : last ? cell : cell.PadRight(widths[i]));
                if (!last)
                {
                    line.Append("  ");
                }
            }
            output.WriteLine(line.ToString().TrimEnd());
        }
        output.Flush();
    }

    private static string OneLine(string cell) => cell.ReplaceLineEndings(" ");
}
