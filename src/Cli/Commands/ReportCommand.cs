using System.CommandLine;
using System.Text;
using GoWatch.Cli.Rendering;
using GoWatch.Cli.Report;
using GoWatch.Events.Serialization;
using GoWatch.Platform.Locations;
using GoWatch.Platform.Service;
using GoWatch.Recording.Reporting;

namespace GoWatch.Cli.Commands;

/// <summary>
/// <c>gowatch report</c>: one self-contained HTML page of when the setup was broken, which change
/// broke it, which file keeps breaking things and how long each repair took.
/// </summary>
public static class ReportCommand
{
    public const string DefaultSince = "30d";
    public const string DefaultFileName = "report.html";

    /// <param name="tools">Where <c>--open</c> looks for <c>open</c> / <c>xdg-open</c>; the process's PATH unless a test says otherwise.</param>
    public static Command Create(CliContext context, ToolLocator? tools = null)
    {
        var since = new Option<string>("--since") { Description = "Cover events newer than this: 30m, 2h, 7d, 2w, or a date/time such as 2026-11-20", DefaultValueFactory = _ => DefaultSince };
        since.Validators.Add(r =>
        {
            var s = r.GetValueOrDefault<string>();
            var now = context.Time.GetUtcNow();
            if (!TimeSpec.TryParse(s, now, out var from))
            {
                r.AddError($"--since '{s}' is neither an age (30m, 2h, 7d, 2w) nor a date/time.");
            }
            else if (from >= now)
            {
                r.AddError($"--since '{s}' is not in the past.");
            }
        });
        var output = new Option<string?>("--output", "-o") { Description = $"Write the page here (default: {DefaultFileName} in the data dir)" };
        var open = new Option<bool>("--open") { Description = "Open the page in the browser once written (open on macOS, xdg-open on Linux)" };
        var json = new Option<bool>("--json") { Description = "Write the spans and figures as JSON instead (to stdout unless -o is given)" };
        var showSecrets = Secrets.Option();

        var command = new Command("report", "Write one HTML page: when each check was broken, the change to blame, changes per file, time to repair") { since, output, open, json, showSecrets };
        command.SetAction(parse =>
        {
            var now = context.Time.GetUtcNow();
            var sinceText = parse.GetValue(since) ?? DefaultSince;
            _ = TimeSpec.TryParse(sinceText, now, out var from);
            var window = new ReportWindow(from, now, ReportWindow.Describe(sinceText, from, context.Time.LocalTimeZone));

            ReportModel model;
            using (var backend = context.OpenBackend())
            {
                model = BackendReport.Read(backend, window);
            }

            var target = parse.GetValue(output) is { } o ? Path.GetFullPath(HomePaths.Expand(o, context.Settings.Home)) : null;
            string content;
            if (parse.GetValue(json))
            {
                content = Secrets.Mask(ReportJson.Build(model), parse.GetValue(showSecrets)).ToJsonString(EventJson.Options) + "\n";
                if (target is null)
                {
                    context.Out.Write(content);
                    return ExitCodes.Ok;
                }
            }
            else
            {
                content = ReportHtml.Render(model, context.Settings.Home, context.Time.LocalTimeZone, now, parse.GetValue(showSecrets));
                target ??= Path.Combine(context.Settings.DataDir, DefaultFileName);
            }

            if (Write(target, content) is { } failure)
            {
                context.Error.WriteLine($"gowatch: cannot write {target}: {failure}");
                return ExitCodes.Failure;
            }
            context.Out.WriteLine(target);
            if (parse.GetValue(open) && new ReportOpener(tools ?? ToolLocator.FromEnvironment()).Open(target, context.Settings.Platform) is { } refused)
            {
                context.Error.WriteLine($"gowatch: wrote the report, but {refused}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Writes through a temp file in the same directory and a rename, so a reader never sees half a page.</summary>
    private static string? Write(string target, string content)
    {
        if (Directory.Exists(target))
        {
            return "it is a directory; name a file, e.g. " + Path.Combine(target, DefaultFileName);
        }
        var directory = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        try
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.WriteAllText(temp, content, new UTF8Encoding(false));
            File.Move(temp, target, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The temp file could not be made in the first place.
            }
            return ex.Message;
        }
    }
}
