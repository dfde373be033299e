using System.Globalization;
using System.Text;

namespace GoWatch.Cli.Rendering;

/// <summary>
/// Makes control characters in recorded text visible before it reaches a terminal: a line in a
/// watched file such as <c>curl … | sh # ESC[2K ESC[1G+alias ll=…</c> must not erase itself on
/// screen. ESC shows as <c>\e</c>, other control and format characters (C0, DEL, C1, bidi
/// overrides) as <c>\xNN</c> / <c>\uNNNN</c>. JSON output needs none of this: its encoder
/// escapes control characters itself.
/// </summary>
public static class Visible
{
    /// <summary>Text that stays on one line (a name, a table cell): newlines are escaped too.</summary>
    public static string Line(string text) => Escape(text, keepNewlines: false);

    /// <summary>Text of many lines (a diff, a file): newlines and tabs stay.</summary>
    public static string Block(string text) => Escape(text, keepNewlines: true);

    private static string Escape(string text, bool keepNewlines)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(c => NeedsEscape(c, keepNewlines)))
        {
            return text;
        }
        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!NeedsEscape(c, keepNewlines))
            {
                result.Append(c);
                continue;
            }
            result.Append(c switch
            {
                '\x1b' => @"\e",
                '\r' => @"\r",
                '\n' => @"\n",
                '\t' => @"\t",
                _ when c <= '\xff' => @"\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => @"\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }
        return result.ToString();
    }

    private static bool NeedsEscape(char c, bool keepNewlines) => c switch
    {
        '\n' or '\t' => !keepNewlines,
        < ' ' or '\x7f' => true,
        >= '\x80' and <= '\x9f' => true,
        // Bidirectional overrides and isolates reorder what is shown ("Trojan Source").
        >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u200e' or '\u200f' or '\u061c' => true,
        _ => false,
    };
}
