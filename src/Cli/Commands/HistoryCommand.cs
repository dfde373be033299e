using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using GoWatch.Cli.Rendering;
using GoWatch.Cli.Usage;
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
        var since = new Option<string?>("--since") { HelpName = "WHEN", Description = "Only events newer than this: an age (30m, 2h, 7d, 2w) or a local date/time such as 2026-11-20 or 2026-11-20T14:00 (add Z or +02:00 for another zone)" };
        since.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } s && !TimeSpec.TryParse(s, context.Time.GetUtcNow(), context.Time.LocalTimeZone, out _))
            {
                r.AddError($"--since expects an age (30m, 2h, 7d, 2w) or a date/time such as 2026-11-20T14:00, got '{s}'.");
            }
        });
        var path = new Option<string?>("--path") { HelpName = "FILE", Description = "Only events about this file (~ is expanded)" };
        var type = new Option<string[]>("--type") { Description = "Only events of this type (repeatable): " + string.Join(", ", EventTypeRegistry.Names.Order(StringComparer.Ordinal)), AllowMultipleArgumentsPerToken = false };
        var check = new Option<string?>("--check") { Description = "Only the story of this check (DriftDetected / DriftResolved), e.g. path.broken" };
        var limit = Values.Limit(DefaultLimit);
        var json = new Option<bool>("--json") { Description = "Print a JSON array (stable, for scripts; times in UTC)" };
        var showSecrets = Secrets.Option();

        var command = new Command("history", "Show recorded events, newest first (times are local)") { since, path, type, check, limit, json, showSecrets };
        command.SetAction(parse =>
        {
            var now = context.Time.GetUtcNow();
            var query = new EventQuery
            {
                Since = parse.GetValue(since) is { } s && TimeSpec.TryParse(s, now, context.Time.LocalTimeZone, out var t) ? t : null,
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
                Hint(context, "No events match.");
                return ExitCodes.Ok;
            }
            var rows = events.Select(e => new[]
            {
                Times.Local(e.Time, context.Time),
                e.Position.ToString(CultureInfo.InvariantCulture),
                Visible.Line(e.Type),
                Visible.Line(Secrets.Mask(EventDescriber.Describe(e, context.Settings.Home), show)),
            }).ToList();
            if (context.OutputIsTerminal)
            {
                // At 80 columns every character counts: when all rows share one offset (no DST
                // change among them) it is said once, in the header.
                var offsets = rows.Select(r => r[0][^6..]).Distinct().ToList();
                var timeHeader = offsets.Count == 1 ? $"Time ({offsets[0]})" : "Time";
                var table = new Table().Border(TableBorder.Simple)
                    .AddColumn(new TableColumn(Markup.Escape(timeHeader)).NoWrap())
                    .AddColumn(new TableColumn("Pos").RightAligned().NoWrap())
                    .AddColumn(new TableColumn("Type").NoWrap())
                    .AddColumn("What");
                foreach (var row in rows)
                {
                    var time = offsets.Count == 1 ? row[0][..^7] : row[0];
                    table.AddRow([Markup.Escape(time), .. row[1..].Select(Markup.Escape)]);
                }
                context.Console.Write(table);
            }
            else
            {
                PlainTable.Write(context.Out, ["TIME", "POS", "TYPE", "WHAT"], rows, rightAligned: 1);
            }
            if (query.Limit > 0 && events.Count == query.Limit)
            {
                Hint(context, $"Showing the newest {query.Limit}; use --limit 0 for all.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A note for the person, not part of the data: grey on a terminal, on stderr in a pipe.</summary>
    private static void Hint(CliContext context, string text)
    {
        if (context.OutputIsTerminal)
        {
            context.Console.MarkupLine($"[grey]{Markup.Escape(text)}[/]");
        }
        else
        {
            context.Error.WriteLine(text);
        }
    }
}
