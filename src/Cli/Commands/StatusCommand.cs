using System.CommandLine;
using System.Text.Json.Nodes;
using GoWatch.Cli.Backend;
using GoWatch.Cli.Rendering;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Projections;
using GoWatch.Events.Serialization;
using GoWatch.Events.Store;
using Spectre.Console;

namespace GoWatch.Cli.Commands;

/// <summary>
/// <c>gowatch status</c>: daemon up or down (and how its last run ended), the last verification
/// and how old it is, current findings, store size. Exits 3 when gowatchd is not running.
/// </summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON (stable, for scripts; times in UTC)" };
        var showSecrets = Secrets.Option();
        var verbose = new Option<bool>("--verbose") { Description = "Also list the directories gowatchd watches" };
        var command = new Command("status", "Show whether gowatchd runs, the last verification, current findings and the store (exit 3 when gowatchd is not running)") { json, showSecrets, verbose };
        command.SetAction(parse =>
        {
            using var backend = context.OpenBackend();
            var status = Secrets.Mask(backend.Status(), parse.GetValue(showSecrets));
            var daemon = status["daemon"]!.AsObject();
            var running = daemon["running"]?.GetValue<bool>() == true;
            var lastRun = LastRun.Of(backend);
            if (!running && lastRun is not null)
            {
                daemon["lastRun"] = lastRun.ToJson();
            }
            var exit = running ? ExitCodes.Ok : ExitCodes.NotRunning;
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(status.ToJsonString(EventJson.Options));
                return exit;
            }

            if (running)
            {
                context.Console.MarkupLine($"[green]●[/] gowatchd is running (pid {daemon["pid"]}, since {Times.Local(daemon["since"]?.ToString(), context.Time)})" +
                    (lastRun?.PreviousRunCrashed == true ? "; [yellow]its previous run ended without a clean stop[/]" : ""));
            }
            else
            {
                context.Console.MarkupLine($"[red]○[/] gowatchd is not running{Markup.Escape(lastRun?.Describe(context.Time) ?? "; it has never run with this store")}.");
                context.Console.MarkupLine("  Start it with [bold]gowatch service install[/] (at every login) or [bold]gowatchd[/] (in this terminal).");
            }

            var last = status["lastVerification"];
            if (last is null)
            {
                context.Console.MarkupLine("  Last verification: [grey]none yet[/] (gowatch doctor runs the checks now)");
            }
            else
            {
                var time = DateTimeOffset.TryParse(last["time"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
                var age = time is { } at ? context.Time.GetUtcNow() - at : TimeSpan.Zero;
                // The daemon verifies every VerifyInterval; twice that without one means nobody is checking.
                var old = age > 2 * context.Settings.VerifyInterval;
                context.Console.MarkupLine($"  Last verification: {Times.Local(last["time"]?.ToString(), context.Time)}, {Times.Age(age)} ago (#{last["position"]}, {Markup.Escape(last["data"]?["trigger"]?.ToString() ?? "?")})" +
                    (old ? " — [yellow]old: gowatch doctor runs the checks now[/]" : ""));
            }
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
                    context.Console.MarkupLine($"    {mark} {Markup.Escape(Visible.Line(f?["id"]?.ToString() ?? ""))}: {Markup.Escape(Visible.Line(f?["title"]?.ToString() ?? ""))}");
                }
            }
            var store = status["store"]!;
            context.Console.MarkupLine($"  Store: {Markup.Escape(Visible.Line(store["path"]!.ToString()))} ({store["events"]} events, {store["sizeBytes"]!.GetValue<long>() / 1024} KiB)");
            if (parse.GetValue(verbose))
            {
                WriteWatching(context, status["watching"]?.AsArray() ?? []);
            }
            return exit;
        });
        return command;
    }

    /// <summary>How the newest run of gowatchd recorded in the store ended, read from the daemon stream.</summary>
    private sealed record LastRun(EventEnvelope Started, EventEnvelope? Stopped, EventEnvelope? LastSeen, bool PreviousRunCrashed)
    {
        public bool Crashed => Stopped is null;

        public static LastRun? Of(IGoWatchBackend backend)
        {
            var lifecycle = backend.Query(new EventQuery { Stream = Streams.Daemon, Types = DaemonRuns.LifecycleTypes, Limit = 3 });
            var runs = DaemonRuns.Fold(lifecycle);
            if (runs.LastStart is not { } started)
            {
                return null;
            }
            if (!runs.RunOpen)
            {
                return new LastRun(started, runs.LastStop, runs.LastStop, false);
            }
            // The newest is a start with no stop after it: that run is the current one, or it crashed.
            var previousCrashed = lifecycle.Count > 1 && lifecycle[1].Data is DaemonStarted;
            return new LastRun(started, null, backend.Query(new EventQuery { Limit = 1 }).FirstOrDefault(), previousCrashed);
        }

        public string Describe(TimeProvider clock) => Stopped is { Data: DaemonStopped stop }
            ? $"; it stopped cleanly at {Times.Local(Stopped.Time, clock)} ({stop.Reason})"
            : $"; its last run (started {Times.Local(Started.Time, clock)}) ended without a clean stop (crashed or killed), after its last event at {Times.Local((LastSeen ?? Started).Time, clock)}";

        public JsonObject ToJson() => new()
        {
            ["started"] = Started.Time.UtcDateTime.ToString("O"),
            ["ended"] = Crashed ? "crashed" : "stopped",
            ["stopped"] = Stopped?.Time.UtcDateTime.ToString("O"),
            ["lastEvent"] = (LastSeen ?? Started).Time.UtcDateTime.ToString("O"),
        };
    }

    private static void WriteWatching(CliContext context, JsonArray watching)
    {
        context.Console.MarkupLine(watching.Count == 0 ? "  Watching: [grey]nothing (gowatchd is not running)[/]" : $"  Watching: {watching.Count} directories");
        foreach (var w in watching)
        {
            var recursive = w?["recursive"]?.GetValue<bool>() == true ? " [grey](and below)[/]" : "";
            context.Console.MarkupLine($"    {Markup.Escape(Visible.Line(w?["path"]?.ToString() ?? ""))}{recursive}");
        }
    }
}
