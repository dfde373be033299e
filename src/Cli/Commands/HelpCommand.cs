using System.CommandLine;
using GoWatch.Cli.Usage;

namespace GoWatch.Cli.Commands;

/// <summary><c>gowatch help [VERB…]</c>: the same as <c>gowatch VERB… --help</c>.</summary>
public static class HelpCommand
{
    public static Command Create(CliContext context, Func<RootCommand> root)
    {
        var verbs = new Argument<string[]>("COMMAND") { Description = "The command to explain, e.g. history or service install", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("help", "Show the help of a command") { verbs };
        command.SetAction(parse =>
        {
            var words = parse.GetValue(verbs) ?? [];
            var target = root().Parse([.. words, "--help"]);
            if (target.UnmatchedTokens.Count > 0)
            {
                context.Error.WriteLine($"gowatch help: {UsageErrors.Describe(target)?.Split(": ", 2)[^1]}");
                return ExitCodes.Usage;
            }
            return target.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        });
        return command;
    }
}
