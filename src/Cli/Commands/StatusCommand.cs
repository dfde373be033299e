using System.CommandLine;
using System.Text.Json.Nodes;
using GoWatch.Cli.Rendering;
using GoWatch.Events.Serialization;
using Spectre.Console;

namespace GoWatch.Cli.Commands;

/// <summary><c>gowatch status</c>: daemon up or down, last verification, current findings, store size.</summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON (stable, for scripts)" };
        var showSecrets = Secrets.Option();
        var verbose = new Option<bool>("--verbose") { Description = "Also list the directories gowatchd watches" };
        var command = new Command("status", "Show whether gowatchd runs, the last verification, current findings and the store") { json, showSecrets, verbose };
        command.SetAction(parse =>
        {
            using var backend = context.OpenBackend();
            var status = Secrets.Mask(backend.Status(), parse.GetValue(showSecrets));
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(status.ToJsonString(EventJson.Options));
                return ExitCodes.Ok;
            }
            var daemon = status["daemon"]!.AsObject();
            context.Console.MarkupLine(daemon["running"]!.GetValue<bool>()
                ? $"[green]●[/] gowatchd is running (pid {daemon["pid"]}, since {Local(daemon["since"])})"
                : "[red]○[/] gowatchd is not running — start it with [bold]gowatchd[/] or [bold]gowatch service install[/]");
            var last = status["lastVerification"];
            context.Console.MarkupLine(last is null
                ? "  Last verification: [grey]none yet[/]"
                : $"  Last verification: {Local(last["time"])} (#{last["position"]}, {Markup.Escape(last["data"]?["trigger"]?.ToString() ?? "?")})");
            var findings = status["findings"]?.AsArray() ?? [];
            if (findings.Count == 0)
            {
                context.Console.MarkupLine("  Findings: [green]none[/]");
            }
            else
            {
                context.Console.MarkupLine($"  Findings: {findings.Count}");
                foreach (var f in findings)
                {
                    var severity = f?["severity"]?.ToString();
                    var mark = severity == "error" ? "[red]✗[/]" : severity == "warning" ? "[yellow]![/]" : "[blue]i[/]";
                    context.Console.MarkupLine($"    {mark} {Markup.Escape(f?["id"]?.ToString() ?? "")}: {Markup.Escape(f?["title"]?.ToString() ?? "")}");
                }
            }
            var store = status["store"]!;
            context.Console.MarkupLine($"  Store: {Markup.Escape(store["path"]!.ToString())} ({store["events"]} events, {store["sizeBytes"]!.GetValue<long>() / 1024} KiB)");
            if (parse.GetValue(verbose))
            {
                WriteWatching(context, status["watching"]?.AsArray() ?? []);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteWatching(CliContext context, JsonArray watching)
    {
        context.Console.MarkupLine(watching.Count == 0 ? "  Watching: [grey]nothing (gowatchd is not running)[/]" : $"  Watching: {watching.Count} directories");
        foreach (var w in watching)
        {
            var recursive = w?["recursive"]?.GetValue<bool>() == true ? " [grey](and below)[/]" : "";
            context.Console.MarkupLine($"    {Markup.Escape(w?["path"]?.ToString() ?? "")}{recursive}");
        }
    }

    private static string Local(JsonNode? time) =>
        time is not null && DateTimeOffset.TryParse(time.ToString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t)
            ? t.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss")
            : "?";
}
