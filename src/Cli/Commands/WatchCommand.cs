using System.CommandLine;
using GoWatch.Cli.Rendering;
using GoWatch.Events.Projections;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using Spectre.Console;

namespace GoWatch.Cli.Commands;

/// <summary><c>gowatch watch add|list|remove</c>: GoLand/Go projects whose <c>.idea/workspace.xml</c> and <c>go.mod</c> are watched.</summary>
public static class WatchCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("watch", "Choose GoLand/Go projects to watch (besides GoLand's recent projects)");

        var addDir = new Argument<string>("DIR") { Description = "The project directory" };
        var add = new Command("add", "Watch a project's .idea/workspace.xml and go.mod") { addDir };
        add.SetAction(parse => Set(context, parse.GetValue(addDir)!, watched: true));

        var removeDir = new Argument<string>("DIR") { Description = "The project directory" };
        var remove = new Command("remove", "Stop watching a project added with watch add") { removeDir };
        remove.SetAction(parse => Set(context, parse.GetValue(removeDir)!, watched: false));

        var json = new Option<bool>("--json") { Description = "Print a JSON array of directories" };
        var list = new Command("list", "List the projects added with watch add") { json };
        list.SetAction(parse =>
        {
            using var backend = context.OpenBackend();
            var projects = WatchedProjects.Fold(backend.Query(new EventQuery { Stream = WatchedProjects.Stream, Ascending = true })).Directories;
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(new System.Text.Json.Nodes.JsonArray(projects.Select(p => (System.Text.Json.Nodes.JsonNode?)p).ToArray()).ToJsonString());
                return ExitCodes.Ok;
            }
            if (projects.Count == 0)
            {
                context.Console.MarkupLine("[grey]No projects added. GoLand's recent projects are watched anyway; add others with gowatch watch add DIR.[/]");
            }
            foreach (var p in projects)
            {
                context.Console.MarkupLine(Markup.Escape(Visible.Line(HomePaths.Tilde(p, context.Settings.Home))) + (Directory.Exists(p) ? "" : " [yellow](missing)[/]"));
            }
            return ExitCodes.Ok;
        });

        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(remove);
        return command;
    }

    private static int Set(CliContext context, string dir, bool watched)
    {
        if (string.IsNullOrWhiteSpace(dir))
        {
            context.Error.WriteLine("gowatch: DIR is empty; name a project directory, e.g. gowatch watch add ~/code/service.");
            return ExitCodes.Usage;
        }
        var expanded = HomePaths.Expand(dir, context.Settings.Home);
        // "/" stays "/": trimming it would leave an empty name.
        var full = expanded.Length > 1 ? expanded.TrimEnd('/') : expanded;
        if (watched && full == "/")
        {
            context.Error.WriteLine("gowatch: / is the root directory, not a project; name the project's own directory.");
            return ExitCodes.Usage;
        }
        if (watched && !Directory.Exists(full))
        {
            context.Error.WriteLine($"gowatch: {full} is not a directory.");
            return ExitCodes.Usage;
        }
        using var backend = context.OpenBackend();
        var recorded = backend.SetProjectWatched(full, watched);
        var shown = Markup.Escape(Visible.Line(HomePaths.Tilde(full, context.Settings.Home)));
        context.Console.MarkupLine(recorded is null
            ? $"{shown} {(watched ? "is already watched" : "was not watched")}."
            : $"{(watched ? "Watching" : "No longer watching")} {shown} (event #{recorded.Position}).");
        return ExitCodes.Ok;
    }
}
