using System.CommandLine;
using System.CommandLine.Parsing;

namespace GoWatch.Cli.Usage;

/// <summary>
/// Turns a failed parse into the one line a person needs: what was wrong and, for a mistyped
/// verb, flag, event type or check id, the nearest valid one.
/// </summary>
public static class UsageErrors
{
    /// <summary>The line to print (without the "gowatch:" prefix), or null when the command line is fine.</summary>
    public static string? Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var where = CommandPath(parse.CommandResult);
        if (parse.UnmatchedTokens.Count > 0)
        {
            return $"{where}: {Unmatched(parse.UnmatchedTokens[0], command)}";
        }
        if (UnknownValue(parse.CommandResult) is { } unknown)
        {
            return $"{where}: {unknown}";
        }
        if (parse.Errors.Count == 0)
        {
            return null;
        }
        var error = parse.Errors[0];
        if (command.Arguments.FirstOrDefault(a => a.Arity.MinimumNumberOfValues > 0 && parse.CommandResult.GetResult(a) is not { Tokens.Count: > 0 }) is { } missing)
        {
            return $"{where} needs {missing.Name}: {Lower(missing.Description)}.";
        }
        return error.SymbolResult switch
        {
            CommandResult c when c.Command.Subcommands.Count > 0 && c.Command.Action is null =>
                $"{CommandPath(c)} needs one of: {string.Join(", ", c.Command.Subcommands.Where(s => !s.Hidden).Select(s => s.Name))}.",
            OptionResult o when o.Tokens.Count == 0 && o.Option.Arity.MinimumNumberOfValues > 0 =>
                $"{where}: {o.Option.Name} needs a value: {Lower(o.Option.Description)}.",
            _ => $"{where}: {Sentence(error.Message)}",
        };
    }

    /// <summary>"gowatch service install" for the command a result belongs to.</summary>
    public static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
        {
            names.Add(c.Parent is null ? "gowatch" : c.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }

    private static string Unmatched(string token, Command command)
    {
        if (token.StartsWith('-') && token.Length > 1)
        {
            var options = OptionsOf(command).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
            return Suggestions.Nearest(token, options) is { } option
                ? $"unknown option '{token}'; did you mean {option}?"
                : $"unknown option '{token}' (see {Help(command)}).";
        }
        if (command.Subcommands.Count > 0)
        {
            var verbs = command.Subcommands.Where(s => !s.Hidden).Select(s => s.Name).ToList();
            return Suggestions.Nearest(token, verbs) is { } verb
                ? $"unknown command '{token}'; did you mean {verb}?"
                : $"unknown command '{token}'; the commands are {string.Join(", ", verbs)}.";
        }
        return $"unexpected argument '{token}' (see {Help(command)}).";
    }

    /// <summary>Event types and check ids are checked here, for every command that takes them (history, doctor).</summary>
    private static string? UnknownValue(CommandResult result)
    {
        foreach (var option in result.Children.OfType<OptionResult>())
        {
            Func<string, string?>? check = option.Option.Name switch
            {
                "--type" => Values.UnknownEventType,
                "--check" => Values.UnknownCheckId,
                _ => null,
            };
            if (check is null)
            {
                continue;
            }
            foreach (var token in option.Tokens)
            {
                if (check(token.Value) is { } message)
                {
                    return message;
                }
            }
        }
        return null;
    }

    private static IEnumerable<Option> OptionsOf(Command command)
    {
        IEnumerable<Option> own = command.Options;
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            own = own.Concat(parent.Options.Where(o => o.Recursive));
        }
        return own;
    }

    private static string Help(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(c.Parents.Any() ? c.Name : "gowatch");
        }
        names.Reverse();
        return string.Join(' ', names) + " --help";
    }

    private static string Lower(string? text) =>
        string.IsNullOrEmpty(text) ? "see --help" : char.ToLowerInvariant(text[0]) + text[1..].TrimEnd('.');

    private static string Sentence(string message) =>
        message.Length > 0 && char.IsUpper(message[0]) && !(message.Length > 1 && char.IsUpper(message[1]))
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
}
