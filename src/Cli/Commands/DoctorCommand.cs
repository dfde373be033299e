using System.CommandLine;
using GoWatch.Checks;
using GoWatch.Cli.Backend;
using GoWatch.Cli.Rendering;
using GoWatch.Events.Projections;
using GoWatch.Events.Store;
using GoWatch.Platform.Notifications;
using GoWatch.Platform.Service;
using GoWatch.Recording.Verification;
using Spectre.Console;

namespace GoWatch.Cli.Commands;

/// <summary>
/// <c>gowatch doctor</c>: runs the checks now, prints what is wrong, where it comes from and how
/// to fix it, and records the run (<c>VerificationCompleted</c>, trigger <c>cli</c>).
/// </summary>
public static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (stable, for scripts)" };
        var check = new Option<string[]>("--check") { Description = "Run only this check (repeatable), e.g. --check path.broken" };
        check.Validators.Add(r =>
        {
            try
            {
                Verifier.Select(r.GetValueOrDefault<string[]>() ?? []);
            }
            catch (ArgumentException ex)
            {
                r.AddError(ex.Message);
            }
        });
        var all = new Option<bool>("--all") { Description = "Also list the checks that passed and those not checked, with the reason" };
        var command = new Command("doctor", "Check the Go setup now: PATH, which go runs, GOROOT, GOPATH, modules, GoLand") { json, check, all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ids = parse.GetValue(check) is { Length: > 0 } c ? c : null;

            // The store is opened while the checks run: neither waits for the other.
            var backendTask = Task.Run(() => context.OpenBackend(), cancellationToken);
            IGoWatchBackend? backend = null;
            string? unrecorded = null;
            try
            {
                backend = await backendTask;
            }
            catch (Exception ex) when (ex is BackendUnavailableException or StoreUnavailableException)
            {
                unrecorded = ex.Message;
            }
            using var _ = backend;

            var projects = backend is null ? [] : WatchedProjects.Fold(backend.Query(new EventQuery { Stream = WatchedProjects.Stream, Ascending = true })).Directories.ToList();
            var report = await new Verifier().RunAsync(context.Settings, new VerificationRequest { CheckIds = ids, ProjectDirectories = projects }, cancellationToken);

            if (backend is not null)
            {
                try
                {
                    backend.RecordVerification(VerificationLog.ToCompleted(report, "cli"), report.GoEnvFile);
                }
                catch (Exception ex) when (ex is BackendUnavailableException or IOException or WrongExpectedVersionException)
                {
                    unrecorded = ex.Message;
                }
            }

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(DoctorJson.Serialize(report, indented: false));
            }
            else
            {
                DoctorRenderer.Render(context.Console, report, context.Settings.Home, parse.GetValue(all));
                if (NotificationHint(context.Settings) is { } hint)
                {
                    context.Console.WriteLine(hint, Style.Plain);
                }
            }
            if (unrecorded is not null)
            {
                context.Error.WriteLine($"gowatch: this run was not recorded in the history: {unrecorded}");
            }
            return report.HasErrors ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// On a Mac, which app must be allowed to notify: the tool gowatchd finds on the PATH launchd
    /// gives it (the agent's plist sets it; system paths map under GOWATCH_SYSTEM_ROOT, as every
    /// system path does), not on this shell's PATH.
    /// </summary>
    internal static string? NotificationHint(GoWatch.Platform.Locations.GoWatchSettings settings)
    {
        if (settings.Platform != GoWatch.Platform.PlatformKind.MacOS)
        {
            return null;
        }
        var daemonPath = ServiceTemplates.DefaultLaunchdPath.Split(':').Select(settings.SystemPath);
        return NotificationPermission.ForMac(new ToolLocator(daemonPath)).Hint;
    }
}
