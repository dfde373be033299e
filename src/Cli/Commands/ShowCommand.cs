using System.CommandLine;
using System.Text.Json;
using GoWatch.Cli.Rendering;
using GoWatch.Events.Model;
using GoWatch.Events.Serialization;
using Spectre.Console;

namespace GoWatch.Cli.Commands;

/// <summary><c>gowatch show POS</c>: one event in full, with the diff for file events.</summary>
public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var position = new Argument<long>("POS") { Description = "The event's position (the Pos column of gowatch history)" };
        var json = new Option<bool>("--json") { Description = "Print the event as JSON (as in history --json)" };
        var command = new Command("show", "Explain one event in full") { position, json };
        command.SetAction(parse =>
        {
            var pos = parse.GetValue(position);
            using var backend = context.OpenBackend();
            var e = backend.Get(pos);
            if (e is null)
            {
                context.Error.WriteLine($"gowatch: no event at position {pos} (the newest is {backend.Status()["store"]?["lastPosition"]}).");
                return ExitCodes.Failure;
            }
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(EventJson.ToJson(e).ToJsonString(EventJson.Options));
                return ExitCodes.Ok;
            }

            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            void Row(string key, string? value) => grid.AddRow($"[bold]{key}[/]", Markup.Escape(value ?? "—"));
            Row("Position", e.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Row("Type", e.Type);
            Row("Time", e.Time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz"));
            Row("Stream", $"{e.Stream} (version {e.Version})");
            Row("Source", e.Source);
            Row("What", EventDescriber.Describe(e, context.Settings.Home));
            if (e.CorrelationId is { } c)
            {
                Row("Correlation", c.ToString());
            }
            context.Console.Write(grid);
            context.Console.WriteLine();

            if (FileEventContents.Load(e, backend) is { } contents)
            {
                if (contents.Missing is { } why)
                {
                    context.Console.MarkupLine($"[grey]No diff: {Markup.Escape(why)}.[/]");
                }
                else if (e.Data is not FileUnreadable)
                {
                    UnifiedDiff.Write(context, UnifiedDiff.Create(contents.Before!, contents.After!, contents.Path));
                }
                return ExitCodes.Ok;
            }
            var data = JsonSerializer.Serialize(JsonDocument.Parse(EventJson.SerializeData(e.Data)).RootElement, new JsonSerializerOptions { WriteIndented = true });
            context.Console.Write(new Panel(new Text(data)).Header("data").Border(BoxBorder.Rounded));
            return ExitCodes.Ok;
        });
        return command;
    }
}
