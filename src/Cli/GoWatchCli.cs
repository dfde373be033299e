using System.CommandLine;
using System.CommandLine.Help;
using GoWatch.Checks;
using GoWatch.Cli.Backend;
using GoWatch.Cli.Commands;
using GoWatch.Cli.Terminal;
using GoWatch.Cli.Usage;
using GoWatch.Events.Serialization;
using GoWatch.Events.Store;

namespace GoWatch.Cli;

/// <summary>The command tree and its error policy: usage errors exit 2 with one line, unreachable data exits 1 with a sentence saying why.</summary>
public static class GoWatchCli
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("gowatch — see what changed in your Go setup, when, and undo it.")
        {
            HistoryCommand.Create(context),
            ShowCommand.Create(context),
            DiffCommand.Create(context),
            StatusCommand.Create(context),
            FollowCommand.Create(context),
            DoctorCommand.Create(context),
            ExplainCommand.Create(context),
            WatchCommand.Create(context),
            RevertCommand.Create(context),
            ServiceCommand.Create(context),
            ReportCommand.Create(context),
            StoreCommand.Create(context),
            HelpCommand.Create(context, () => Build(context)),
            CompletionCommand.Create(context),
        };
        var help = root.Options.OfType<HelpOption>().Single();
        var examplesHelp = new ExamplesHelpAction((HelpAction)help.Action!);
        help.Action = examplesHelp;
        // `gowatch` alone is a person asking what this is: the help, exit 0.
        root.SetAction(examplesHelp.Invoke);
        AddCompletions(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = Build(context);
        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            // --help and directives ([suggest] for shell completion) answer before any validation.
            if (parse.Action is not { ClearsParseErrors: true } && parse.Action?.GetType().Namespace is not "System.CommandLine.Completions"
                && UsageErrors.Describe(parse) is { } usage)
            {
                context.Error.WriteLine(usage.StartsWith("gowatch", StringComparison.Ordinal) ? usage : "gowatch: " + usage);
                return ExitCodes.Usage;
            }
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (BackendUnavailableException ex)
        {
            context.Error.WriteLine($"gowatch: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (StoreUnavailableException ex)
        {
            context.Error.WriteLine($"gowatch: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (LiteDB.LiteException ex)
        {
            context.Error.WriteLine($"gowatch: the event store could not be read: {ex.Message.ReplaceLineEndings(" ")} (gowatch store check tells whether it is damaged)");
            return ExitCodes.Failure;
        }
        catch (IOException ex) when (PipeOutput.IsBrokenPipe(ex))
        {
            // The reader of our output has gone (| head): nothing more to say, and nobody to say it to.
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>Event types and check ids complete wherever a command takes them.</summary>
    private static void AddCompletions(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option.Name)
            {
                // A help name, or the help would spell every completion out as <a|b|c…>.
                case "--type":
                    option.CompletionSources.Add(EventTypeRegistry.Names.Order(StringComparer.Ordinal).ToArray());
                    option.HelpName ??= "TYPE";
                    break;
                case "--check":
                    option.CompletionSources.Add(Verifier.CheckIds.ToArray());
                    option.HelpName ??= "ID";
                    break;
            }
        }
        foreach (var sub in command.Subcommands)
        {
            AddCompletions(sub);
        }
    }
}
