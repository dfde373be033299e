using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GoWatch.Checks;
using GoWatch.Events.Serialization;

namespace GoWatch.Cli.Usage;

/// <summary>
/// Arguments and options whose values people mistype, each with a parser or validator that
/// says in words what was expected (never "expected type 'System.Int64'").
/// </summary>
public static class Values
{
    /// <summary>The largest <c>--limit</c>: the store takes an int.</summary>
    public const int MaxLimit = int.MaxValue;

    /// <summary>An event position (the Pos column of <c>gowatch history</c>).</summary>
    public static Argument<long> Position(string description, bool optional = false) => new("POS")
    {
        Description = description,
        Arity = optional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position > 0)
            {
                return position;
            }
            result.AddError($"POS expects an event position, a whole number from 1 up (the Pos column of gowatch history), got '{text}'.");
            return 0;
        },
    };

    /// <summary><c>--limit N</c>: 0 for all, else at most N events.</summary>
    public static Option<int> Limit(int defaultLimit) => new("--limit")
    {
        HelpName = "N",
        Description = "At most this many events, newest first (0 for all)",
        DefaultValueFactory = _ => defaultLimit,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
            {
                return limit;
            }
            result.AddError($"--limit expects a whole number from 1 to {MaxLimit} (or 0 for all), got '{text}'.");
            return 0;
        },
    };

    /// <summary>One line naming the value that was meant, or listing a few valid ones.</summary>
    public static string? UnknownEventType(string type) =>
        EventTypeRegistry.IsKnown(type) ? null : Unknown("event type", type, EventTypeRegistry.Names.Order(StringComparer.Ordinal).ToList(), "gowatch history --help lists them");

    public static string? UnknownCheckId(string id) =>
        Verifier.CheckIds.Contains(id, StringComparer.Ordinal) ? null : Unknown("check id", id, Verifier.CheckIds, "gowatch doctor --help lists them");

    private static string Unknown(string what, string typed, IReadOnlyList<string> valid, string where) =>
        Suggestions.Nearest(typed, valid) is { } nearest
            ? $"there is no {what} '{typed}'; did you mean {nearest}?"
            : $"there is no {what} '{typed}' ({where}).";
}
