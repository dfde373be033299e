using System.Text.RegularExpressions;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// Tells an error that stopped a startup file (a syntax error, zsh's <c>no matches found</c>: the
/// lines after it never ran) from one the shell printed and went on after (<c>command not found</c>,
/// a <c>source</c> of a missing file, a failing plugin).
/// </summary>
internal static partial class ShellErrors
{
    public static bool IsFatal(Evidence error) => error.Text is { } text && Fatal().IsMatch(text);

    [GeneratedRegex(@"parse error|syntax error|unexpected (token|end of file|EOF)|no matches found|bad substitution|bad pattern|unmatched|missing end|unexpected end|Missing end", RegexOptions.IgnoreCase)]
    private static partial Regex Fatal();
}
