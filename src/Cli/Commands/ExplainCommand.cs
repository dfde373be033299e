using System.CommandLine;
using GoWatch.Checks;
using GoWatch.Checks.Probes;
using GoWatch.Cli.Backend;
using GoWatch.Cli.Explain;
using GoWatch.Cli.Usage;
using GoWatch.Events.Projections;
using GoWatch.Events.Store;

namespace GoWatch.Cli.Commands;

/// <summary>
/// <c>gowatch explain [VAR…]</c>: "it works in the terminal but not in GoLand". For each Go
/// variable and the <c>go</c> on PATH, every place that sets it (startup-file lines in the order
/// they ran, the Go env file, the desktop session, GoLand projects) and which value wins where.
/// Reads facts only; records nothing.
/// </summary>
public static class ExplainCommand
{
    /// <summary>The command over the real machine, or over <paramref name="collector"/> (a test seam for the desktop session).</summary>
    public static Command Create(CliContext context, FactsCollector? collector = null)
    {
        var names = new Argument<string[]>("VAR")
        {
            Description = "Variables to explain (default: all): " + string.Join(", ", ExplainVariables.Names) + " (go: the go found on PATH)",
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "VAR",
        };
        names.CompletionSources.Add(ExplainVariables.Names.ToArray());
        names.Validators.Add(r =>
        {
            foreach (var typed in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (ExplainVariables.Find(typed) is null)
                {
                    var nearest = Suggestions.Nearest(typed, ExplainVariables.Names);
                    r.AddError($"unknown variable '{typed}'" + (nearest is null ? $"; one of: {string.Join(", ", ExplainVariables.Names)}" : $" (did you mean {nearest}?)"));
                    return;
                }
            }
        });
        var json = new Option<bool>("--json") { Description = "Print the explanation as JSON (stable, for scripts)" };
        var command = new Command("explain", "Where GOROOT, GOPATH, GOFLAGS … and the go on PATH come from, and which value wins in a terminal and in GoLand") { names, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = parse.GetValue(names) is { Length: > 0 } n
                ? n.Select(t => ExplainVariables.Find(t)!).Distinct().ToList()
                : ExplainVariables.Names.ToList();

            var projects = WatchedProjectsOrNone(context);
            var facts = await (collector ?? new FactsCollector()).CollectAsync(context.Settings, new VerificationRequest { ProjectDirectories = projects }, cancellationToken);
            var explained = new Explainer(facts, IsExecutable).Explain(wanted);

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(ExplainJson.Serialize(explained, facts.Desktop.Source, facts.Desktop.SkipReason));
            }
            else
            {
                ExplainText.Write(context.Out, explained, context.Settings.Home, facts.Desktop.SkipReason,
                    context.OutputIsTerminal ? Math.Max(40, context.Console.Profile.Width - 1) : null);
            }
            if (facts.Shell.Environment is null)
            {
                context.Error.WriteLine("gowatch: the login shell did not report its environment; the terminal's values are incomplete (gowatch doctor --check shell.startup-failed says why)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    // The watched projects come from the store; explaining works without it (GoLand's recent projects still count).
    private static IReadOnlyList<string> WatchedProjectsOrNone(CliContext context)
    {
        try
        {
            using var backend = context.OpenBackend();
            return WatchedProjects.Fold(backend.Query(new EventQuery { Stream = WatchedProjects.Stream, Ascending = true })).Directories.ToList();
        }
        catch (Exception ex) when (ex is BackendUnavailableException or StoreUnavailableException or IOException or LiteDB.LiteException)
        {
            context.Error.WriteLine($"gowatch: the watched projects could not be read ({ex.Message.ReplaceLineEndings(" ")}); only GoLand's recent projects are explained");
            return [];
        }
    }

    private static bool IsExecutable(string path)
    {
        try
        {
            return File.Exists(path) && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
