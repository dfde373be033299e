using System.CommandLine;
using GoWatch.Cli.Backend;
using GoWatch.Cli.Commands;
using GoWatch.Events.Store;

namespace GoWatch.Cli;

/// <summary>The command tree and its error policy: usage errors exit 2, unreachable data exits 1 with a sentence saying why.</summary>
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
            WatchCommand.Create(context),
            RevertCommand.Create(context),
            ServiceCommand.Create(context),
            ReportCommand.Create(context),
            StoreCommand.Create(context),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = Build(context);
        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"gowatch: {error.Message}");
            }
            context.Error.WriteLine($"Run 'gowatch {string.Join(' ', parse.CommandResult.Command == root ? [] : new[] { parse.CommandResult.Command.Name })} --help' for usage.".Replace("  ", " "));
            return ExitCodes.Usage;
        }
        try
        {
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
    }
}
