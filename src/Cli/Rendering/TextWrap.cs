using System.Text;

namespace GoWatch.Cli.Rendering;

/// <summary>Greedy word wrap for plain text: breaks at spaces, splits only a word longer than a whole line.</summary>
internal static class TextWrap
{
    /// <summary>
    /// The lines of <paramref name="text"/>, each at most <paramref name="width"/> characters; its own
    /// line breaks are kept. Without <paramref name="breakLongWords"/>, a word longer than a line
    /// (a path, a command to paste) stands alone on a longer line rather than being cut.
    /// </summary>
    public static IEnumerable<string> Lines(string text, int width, bool breakLongWords = true)
    {
        width = Math.Max(1, width);
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                var rest = word;
                if (line.Length > 0 && line.Length + 1 + rest.Length <= width)
                {
                    line.Append(' ').Append(rest);
                    continue;
                }
                if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }
                while (breakLongWords && rest.Length > width)
                {
                    yield return rest[..width];
                    rest = rest[width..];
                }
                line.Append(rest);
            }
            yield return line.ToString();
        }
    }
}
