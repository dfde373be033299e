using System.CommandLine;
using System.Text.Json.Nodes;
using GoWatch.Cli.Rendering;
using GoWatch.Events.Serialization;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using Spectre.Console;

namespace GoWatch.Cli.Commands;

/// <summary><c>gowatch history</c>: recorded events, newest first, filters composing.</summary>
public static class HistoryCommand
{
    public const int DefaultLimit = 100;

    public static Command Create(CliContext context)
    {
        var since = new Option<string?>("--since") { Description = "Only events newer than this: 30m, 2h, 7d, 2w, or a date/time such as 2026-11-20 or 2026-11-20T14:00" };
        since.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } s && !TimeSpec.TryParse(s, context.Time.GetUtcNow(), out _))
            {
                r.AddError($"--since '{s}' is neither an age (30m, 2h, 7d, 2w) nor a date/time.");
            }
        });
        var path = new Option<string?>("--path") { Description = "Only events about this file (~ is expanded)" };
        var type = new Option<string[]>("--type") { Description = "Only events of this type (repeatable), e.g. FileChanged", AllowMultipleArgumentsPerToken = false };
        var check = new Option<string?>("--check") { Description = "Only the story of this check: DriftDetected / DriftResolved for its id" };
        var limit = new Option<int>("--limit") { Description = $"At most this many events (default {DefaultLimit}; 0 for all)", DefaultValueFactory = _ => DefaultLimit };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--limit must be 0 (all) or more.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print a JSON array (stable, for scripts)" };
        var showSecrets = Secrets.Option();

        var command = new Command("history", "Show recorded events, newest first") { since, path, type, check, limit, json, showSecrets };
        command.SetAction(parse =>
        {
            var now = context.Time.GetUtcNow();
            var query = new EventQuery
            {
                Since = parse.GetValue(since) is { } s && TimeSpec.TryParse(s, now, out var t) ? t : null,
                Path = parse.GetValue(path) is { } p ? HomePaths.Expand(p, context.Settings.Home) : null,
                Types = parse.GetValue(type) is { Length: > 0 } types ? types : null,
                CheckId = parse.GetValue(check),
                Limit = parse.GetValue(limit),
            };
            using var backend = context.OpenBackend();
            var events = backend.Query(query);
            var show = parse.GetValue(showSecrets);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(Secrets.Mask(new JsonArray(events.Select(e => (JsonNode)EventJson.ToJson(e)).ToArray()), show).ToJsonString(EventJson.Options));
                return ExitCodes.Ok;
            }
            if (events.Count == 0)
            {
                context.Console.MarkupLine("[grey]No events match.[/]");
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Simple).AddColumn("Time").AddColumn(new TableColumn("Pos").RightAligned()).AddColumn("Type").AddColumn("What");
            foreach (var e in events)
            {
                table.AddRow(
                    Markup.Escape(e.Time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss")),
                    e.Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(Visible.Line(e.Type)),
                    Markup.Escape(Visible.Line(Secrets.Mask(EventDescriber.Describe(e, context.Settings.Home), show))));
            }
            context.Console.Write(table);
            if (query.Limit > 0 && events.Count == query.Limit)
            {
                context.Console.MarkupLine($"[grey]Showing the newest {query.Limit}; use --limit 0 for all.[/]");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
