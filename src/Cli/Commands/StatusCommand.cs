using System.CommandLine;
using System.Text.Json;
using GoWatch.Cli.Backend;
using GoWatch.Cli.Rendering;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Projections;
using GoWatch.Events.Store;
using GoWatch.Wire;
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
            var status = Secrets.Mask(backend.Status(), WireJsonContext.Default.StatusReport, parse.GetValue(showSecrets));
            var running = status.Daemon.Running;
            var lastRun = LastRun.Of(backend);
            if (!running && lastRun is not null)
            {
                status = status with { Daemon = status.Daemon with { LastRun = lastRun.ToWire() } };
            }
            var exit = running ? ExitCodes.Ok : ExitCodes.NotRunning;
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(status, WireJsonContext.Default.StatusReport));
                return exit;
            }

            if (running)
            {
                var since = status.Daemon.Since is { } at ? Times.Local(at, context.Time) : "?";
                context.Console.MarkupLine($"[green]●[/] gowatchd is running (pid {status.Daemon.Pid}, since {since})" +
                    (lastRun?.PreviousRunCrashed == true ? "; [yellow]its previous run ended without a clean stop[/]" : ""));
            }
            else
            {
                context.Console.MarkupLine($"[red]○[/] gowatchd is not running{Markup.Escape(lastRun?.Describe(context.Time) ?? "; it has never run with this store")}.");
                context.Console.MarkupLine("  Start it with [bold]gowatch service install[/] (at every login) or [bold]gowatchd[/] (in this terminal).");
            }

            if (status.LastVerification is not { } last)
            {
                context.Console.MarkupLine("  Last verification: [grey]none yet[/] (gowatch doctor runs the checks now)");
            }
            else
            {
                var age = context.Time.GetUtcNow() - last.Time;
                // The daemon verifies every VerifyInterval; twice that without one means nobody is checking.
                var old = age > 2 * context.Settings.VerifyInterval;
                var trigger = last.Data is VerificationCompleted completed ? completed.Trigger : "?";
                context.Console.MarkupLine($"  Last verification: {Times.Local(last.Time, context.Time)}, {Times.Age(age)} ago (#{last.Position}, {Markup.Escape(trigger)})" +
                    (old ? " — [yellow]old: gowatch doctor runs the checks now[/]" : ""));
            }
            if (status.Findings.Count == 0)
            {
                context.Console.MarkupLine("  Findings: [green]none[/]");
            }
            else
            {
                context.Console.MarkupLine($"  Findings: {status.Findings.Count}");
                foreach (var f in status.Findings)
                {
                    var mark = f.Severity == "error" ? "[red]✗[/]" : f.Severity == "warning" ? "[yellow]![/]" : "[blue]i[/]";
                    context.Console.MarkupLine($"    {mark} {Markup.Escape(Visible.Line(f.Id))}: {Markup.Escape(Visible.Line(f.Title))}");
                }
            }
            var store = status.Store;
            context.Console.MarkupLine($"  Store: {Markup.Escape(Visible.Line(store.Path))} ({store.Events} events, {store.SizeBytes / 1024} KiB)");
            if (parse.GetValue(verbose))
            {
                WriteWatching(context, status.Watching);
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

        public DaemonRunEnd ToWire() =>
            new(Started.Time, Crashed ? DaemonRunEnd.Crashed : DaemonRunEnd.CleanStop, Stopped?.Time, (LastSeen ?? Started).Time);
    }

    private static void WriteWatching(CliContext context, IReadOnlyList<WatchedDirectory> watching)
    {
        context.Console.MarkupLine(watching.Count == 0 ? "  Watching: [grey]nothing (gowatchd is not running)[/]" : $"  Watching: {watching.Count} directories");
        foreach (var w in watching)
        {
            var recursive = w.Recursive ? " [grey](and below)[/]" : "";
            context.Console.MarkupLine($"    {Markup.Escape(Visible.Line(w.Path))}{recursive}");
        }
    }
}
