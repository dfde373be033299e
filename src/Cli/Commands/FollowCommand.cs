using System.CommandLine;
using GoWatch.Cli.Backend;
using GoWatch.Cli.Rendering;
using GoWatch.Events.Serialization;
using Spectre.Console;

namespace GoWatch.Cli.Commands;

/// <summary><c>gowatch follow</c>: prints events live as the daemon records them, until interrupted.</summary>
public static class FollowCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per line (as in history --json)" };
        var showSecrets = Secrets.Option();
        var command = new Command("follow", "Print events live as gowatchd records them (Ctrl-C to stop)") { json, showSecrets };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var backend = context.OpenBackend();
            if (!backend.ThroughDaemon)
            {
                context.Error.WriteLine("gowatch: gowatchd is not running, so there is nothing to follow. Start it (gowatchd, or gowatch service install) and try again.");
                return ExitCodes.Failure;
            }
            var asJson = parse.GetValue(json);
            var show = parse.GetValue(showSecrets);
            // Ctrl-C, or the reader of a pipe going away (follow | head -2), ends it quietly.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.OutputClosed);
            try
            {
                await foreach (var e in backend.FollowAsync(null, stop.Token))
                {
                    if (asJson)
                    {
                        context.Out.WriteLine(Secrets.Mask(EventJson.ToJson(e), show).ToJsonString(EventJson.Options));
                        context.Out.Flush();
                    }
                    else
                    {
                        context.Console.MarkupLine($"[grey]{Times.Local(e.Time, context.Time)}[/] {e.Position,6} [bold]{Markup.Escape(Visible.Line(e.Type))}[/] {Markup.Escape(Visible.Line(Secrets.Mask(EventDescriber.Describe(e, context.Settings.Home), show)))}");
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }
            context.Error.WriteLine("gowatch: gowatchd stopped.");
            return ExitCodes.Failure;
        });
        return command;
    }
}
