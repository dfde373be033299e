using System.CommandLine;
using GoWatch.Cli.Rendering;
using GoWatch.Cli.Terminal;
using GoWatch.Cli.Usage;
using GoWatch.Platform.Locations;
using GoWatch.Recording.Revert;
using Spectre.Console;

namespace GoWatch.Cli.Commands;

/// <summary>
/// <c>gowatch revert POS</c>: restores a file to its content just before event POS. It first asks
/// for a plan (the daemon, or the store under its lock, checks that the file may be written and
/// has not changed since), shows the diff and asks; the confirmed revert then only goes ahead
/// if the file still holds what the user saw.
/// </summary>
public static class RevertCommand
{
    public static Command Create(CliContext context) =>
        Create(context, () => !Console.IsInputRedirected && context.Console.Profile.Capabilities.Interactive);

    /// <param name="canAsk">Whether a person can answer a question on this console (tests pass their own).</param>
    internal static Command Create(CliContext context, Func<bool> canAsk)
    {
        var position = Values.Position("Position of the file event to undo (FileChanged, FileCreated, FileDeleted, or a FileReverted to undo a revert)");
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the diff the revert would apply, and change nothing" };
        var force = new Option<bool>("--force") { Description = "Revert even if the file changed after that event (the current content is kept as a backup)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (needed when there is no terminal)" };
        var showSecrets = Secrets.Option();
        var command = new Command("revert", "Restore a file to what it was just before an event") { position, dryRun, force, yes, showSecrets };
        command.SetAction(parse =>
        {
            var pos = parse.GetValue(position);
            var show = parse.GetValue(showSecrets);
            var forced = parse.GetValue(force);
            using var backend = context.OpenBackend();

            var preview = backend.Revert(new RevertRequest(pos) { Force = forced, DryRun = true }, context.Settings);
            if (preview.Status != RevertStatus.Planned)
            {
                return Report(context, preview);
            }
            var plan = preview.Plan!;
            if (parse.GetValue(dryRun))
            {
                WriteDiff(context, plan, show);
                context.Console.MarkupLine(Markup.Escape(Visible.Line(Tilde(context, preview.Message))) + (plan.ChangedSince ? " [yellow](the file changed after that event; --force overrides that)[/]" : ""));
                return ExitCodes.Ok;
            }
            if (!parse.GetValue(yes))
            {
                if (!canAsk())
                {
                    context.Error.WriteLine($"gowatch: not reverting event {pos} without confirmation, and there is no terminal to ask on. Check what it would do with gowatch revert {pos} --dry-run, then run it with --yes.");
                    return ExitCodes.Refused;
                }
                WriteDiff(context, plan, show);
                var question = plan.Action == RevertAction.Remove
                    ? $"Remove {HomePaths.Tilde(plan.Path, context.Settings.Home)}?"
                    : $"Restore {HomePaths.Tilde(plan.Path, context.Settings.Home)} to its content before #{pos}?";
                if (!Prompt.Confirm(context.Console, Visible.Line(question)))
                {
                    // Saying no is an answer, not a failure.
                    context.Console.MarkupLine("Nothing changed.");
                    return ExitCodes.Ok;
                }
            }

            var done = backend.Revert(new RevertRequest(pos) { Force = forced, ExpectCurrent = true, ExpectedCurrentSha256 = plan.CurrentSha256 }, context.Settings);
            return Report(context, done);
        });
        return command;
    }

    private static int Report(CliContext context, RevertResult result)
    {
        var message = Tilde(context, result.Message);
        switch (result.Status)
        {
            case RevertStatus.Reverted or RevertStatus.NothingToDo or RevertStatus.Planned:
                context.Console.MarkupLine(Markup.Escape(Visible.Line(message)));
                return ExitCodes.Ok;
            case RevertStatus.Refused:
                context.Error.WriteLine($"gowatch: refused: {message}");
                return ExitCodes.Refused;
            default:
                context.Error.WriteLine($"gowatch: {message}");
                return ExitCodes.Failure;
        }
    }

    /// <summary>The change the revert makes: the file as it is now → as it will be.</summary>
    private static void WriteDiff(CliContext context, RevertPlan plan, bool show)
    {
        var now = plan.CurrentContent is { } current ? Secrets.Mask(current, show) : null;
        var then = plan.TargetContent is { } target ? Secrets.Mask(target, show) : null;
        UnifiedDiff.Write(context, UnifiedDiff.Create(now, then, plan.Path));
    }

    private static string Tilde(CliContext context, string message)
    {
        var home = context.Settings.Home.TrimEnd('/');
        return home.Length > 1 ? message.Replace(home + "/", "~/", StringComparison.Ordinal) : message;
    }
}
