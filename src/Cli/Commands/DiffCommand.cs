using System.CommandLine;
using System.Text.Json.Nodes;
using GoWatch.Cli.Rendering;
using GoWatch.Cli.Usage;
using GoWatch.Events.Serialization;

namespace GoWatch.Cli.Commands;

/// <summary><c>gowatch diff POS</c>: the unified diff of a file event, before → after, secrets masked.</summary>
public static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var position = Values.Position("Position of a file event (FileCreated, FileChanged, FileDeleted, FileReverted)");
        var json = new Option<bool>("--json") { Description = "Print {position, path, beforeSha256, afterSha256, diff} as JSON" };
        var showSecrets = Secrets.Option();
        var command = new Command("diff", "Show what a file event changed, as a unified diff") { position, json, showSecrets };
        command.SetAction(parse =>
        {
            var pos = parse.GetValue(position);
            var show = parse.GetValue(showSecrets);
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
            var diff = contents.Patch(show);
            if (parse.GetValue(json))
            {
                var data = JsonNode.Parse(EventJson.SerializeData(e.Data));
                context.Out.WriteLine(new JsonObject
                {
                    ["position"] = e.Position,
                    ["type"] = e.Type,
                    ["path"] = contents.Path,
                    ["beforeSha256"] = data?["beforeSha256"]?.DeepClone() ?? data?["backupSha256"]?.DeepClone(),
                    ["afterSha256"] = data?["afterSha256"]?.DeepClone() ?? data?["toSha256"]?.DeepClone(),
                    ["diff"] = diff,
                }.ToJsonString(EventJson.Options));
                return ExitCodes.Ok;
            }
            UnifiedDiff.Write(context, diff);
            return ExitCodes.Ok;
        });
        return command;
    }
}
