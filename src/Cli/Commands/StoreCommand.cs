using System.CommandLine;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Platform.Locations;

namespace GoWatch.Cli.Commands;

/// <summary>
/// <c>gowatch store check</c> and <c>gowatch store recover --to DIR</c>: find damage in the event
/// store and copy what can still be read into a new one. Both only read the store: a damaged
/// file is evidence and stays byte for byte as it is.
/// </summary>
public static class StoreCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("store", "Check the event store for damage, or recover what can be read from a damaged one");

        var check = new Command("check", "Check every page of the event store; exit 1 if it is damaged");
        check.SetAction(_ => Check(context));

        var to = new Option<string>("--to") { Description = "An empty directory for the recovered store", Required = true };
        var recover = new Command("recover", "Copy every readable event, in order and with its snapshots, into a new store in DIR") { to };
        recover.SetAction(parse => Recover(context, parse.GetValue(to)!));

        command.Subcommands.Add(check);
        command.Subcommands.Add(recover);
        return command;
    }

    private static int Check(CliContext context)
    {
        var path = context.Settings.StorePath;
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"gowatch: there is no store at {path} yet.");
            return ExitCodes.Failure;
        }
        IReadOnlyList<string> damage;
        try
        {
            damage = StoreIntegrity.Scan(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"gowatch: cannot read {path}: {ex.Message}");
            return ExitCodes.Failure;
        }
        if (damage.Count == 0)
        {
            context.Out.WriteLine($"{path} is sound ({new FileInfo(path).Length / StoreIntegrity.PageSize} pages checked).");
            return ExitCodes.Ok;
        }
        context.Out.WriteLine($"{path} is damaged:");
        foreach (var problem in damage)
        {
            context.Out.WriteLine($"  {problem}");
        }
        context.Out.WriteLine($"It was left untouched. gowatch store recover --to DIR copies every readable event into a new store.");
        return ExitCodes.Failure;
    }

    private static int Recover(CliContext context, string to)
    {
        var path = context.Settings.StorePath;
        if (string.IsNullOrWhiteSpace(to))
        {
            context.Error.WriteLine("gowatch: --to needs a directory.");
            return ExitCodes.Usage;
        }
        var dir = HomePaths.Expand(to, context.Settings.Home);
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"gowatch: there is no store at {path} to recover.");
            return ExitCodes.Failure;
        }
        if (string.Equals(Path.GetFullPath(dir).TrimEnd('/'), Path.GetFullPath(context.Settings.DataDir).TrimEnd('/'), StringComparison.Ordinal))
        {
            context.Error.WriteLine($"gowatch: {dir} is the data dir itself; recover into another, empty directory.");
            return ExitCodes.Usage;
        }
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            context.Error.WriteLine($"gowatch: {dir} is not empty; recover into an empty or new directory.");
            return ExitCodes.Usage;
        }
        StoreRecovery.Result result;
        try
        {
            result = StoreRecovery.Recover(path, dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoreUnavailableException or StoreLockedException)
        {
            context.Error.WriteLine($"gowatch: recovery failed: {ex.Message}");
            return ExitCodes.Failure;
        }
        context.Out.WriteLine($"Recovered {result.Events} event(s) and {result.Snapshots} snapshot(s) into {result.Target}.");
        if (result.MissingPositions.Count > 0)
        {
            context.Out.WriteLine($"Could not read {result.MissingPositions.Count} event(s): positions {Ranges(result.MissingPositions)}.");
        }
        if (result.MissingSnapshots > 0)
        {
            context.Out.WriteLine($"Could not read {result.MissingSnapshots} snapshot(s) those events name; diffs and reverts of them are not possible.");
        }
        context.Out.WriteLine($"{path} was left untouched. To use the recovered store, stop gowatchd, move {path} aside and put {result.Target} in its place.");
        return ExitCodes.Ok;
    }

    private static string Ranges(IReadOnlyList<long> positions)
    {
        var parts = new List<string>();
        for (var i = 0; i < positions.Count;)
        {
            var j = i;
            while (j + 1 < positions.Count && positions[j + 1] == positions[j] + 1)
            {
                j++;
            }
            parts.Add(i == j ? $"{positions[i]}" : $"{positions[i]}–{positions[j]}");
            i = j + 1;
        }
        return string.Join(", ", parts.Take(20)) + (parts.Count > 20 ? ", …" : "");
    }
}
