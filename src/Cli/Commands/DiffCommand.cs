using System.CommandLine;
using GoWatch.Cli.Rendering;

namespace GoWatch.Cli.Commands;

/// <summary><c>gowatch diff POS</c>: the unified diff of a file event, before → after.</summary>
public static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var position = new Argument<long>("POS") { Description = "Position of a file event (FileCreated, FileChanged, FileDeleted, FileReverted)" };
        var command = new Command("diff", "Show what a file event changed, as a unified diff") { position };
        command.SetAction(parse =>
        {
            var pos = parse.GetValue(position);
            using var backend = context.OpenBackend();
            var e = backend.Get(pos);
            if (e is null)
            {
                context.Error.WriteLine($"gowatch: no event at position {pos}.");
                return ExitCodes.Failure;
            }
            var contents = FileEventContents.Load(e, backend);
            if (contents is null)
            {
                context.Error.WriteLine($"gowatch: event {pos} is a {e.Type}, not a file event; try gowatch show {pos}.");
                return ExitCodes.Failure;
            }
            if (contents.Missing is { } why)
            {
                context.Error.WriteLine($"gowatch: no diff for event {pos}: {why}.");
                return ExitCodes.Failure;
            }
            UnifiedDiff.Write(context, UnifiedDiff.Create(contents.Before!, contents.After!, contents.Path));
            return ExitCodes.Ok;
        });
        return command;
    }
}
