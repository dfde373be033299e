using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GoWatch.Cli.Backend;
using GoWatch.Cli.Rendering;
using GoWatch.Cli.Usage;
using GoWatch.Events.Store;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Serialization;
using GoWatch.Platform.Locations;
using Spectre.Console;

namespace GoWatch.Cli.Commands;

/// <summary>
/// <c>gowatch show POS</c>: one event in full — the diff of a file event, the fingerprints of an
/// installation change, the findings of a verification with evidence and fix, the change a
/// drift is blamed on. Secrets are masked unless asked for.
/// </summary>
public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var position = Values.Position("The event's position (the Pos column of gowatch history); the newest event when left out", optional: true);
        var json = new Option<bool>("--json") { Description = "Print the event as JSON (as in history --json)" };
        var showSecrets = Secrets.Option();
        var command = new Command("show", "Explain one event in full (the newest without POS)") { position, json, showSecrets };
        command.SetAction(parse =>
        {
            var pos = parse.GetValue(position);
            var show = parse.GetValue(showSecrets);
            using var backend = context.OpenBackend();
            var e = pos > 0 ? backend.Get(pos) : backend.Query(new EventQuery { Limit = 1 }).FirstOrDefault();
            if (e is null && pos == 0)
            {
                context.Error.WriteLine("gowatch: nothing is recorded yet.");
                return ExitCodes.Failure;
            }
            if (e is null)
            {
                context.Error.WriteLine($"gowatch: no event at position {pos} (the newest is {backend.Status().Store.LastPosition}).");
                return ExitCodes.Failure;
            }
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(Secrets.Mask(EventJson.ToJson(e), show).ToJsonString(EventJson.Options));
                return ExitCodes.Ok;
            }
            new Explainer(context, backend, show).Explain(e);
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed class Explainer(CliContext context, IGoWatchBackend backend, bool show)
    {
        private readonly string _home = context.Settings.Home;

        public void Explain(EventEnvelope e)
        {
            var grid = new List<(string Key, string Value)>();
            Row(grid, "Position", e.Position.ToString(CultureInfo.InvariantCulture));
            Row(grid, "Type", e.Type);
            Row(grid, "Time", Times.Local(e.Time, context.Time));
            Row(grid, "Stream", $"{e.Stream} (version {e.Version})");
            Row(grid, "Source", e.Source);
            Row(grid, "What", EventDescriber.Describe(e, _home));
            if (e.CorrelationId is { } c)
            {
                Row(grid, "Correlation", c.ToString());
            }
            switch (e.Data)
            {
                case FileChanged f:
                    Row(grid, "Before", f.BeforeSha256 is { } b ? "sha256 " + b : "—");
                    Row(grid, "After", f.AfterSha256 is { } a ? "sha256 " + a : "—");
                    break;
                case FileReverted r:
                    Row(grid, "Reverted", $"#{r.RevertedPosition}{Blame(r.RevertedPosition)}");
                    Row(grid, "Restored", r.ToSha256 is { } to ? "sha256 " + to : "the file was removed");
                    Row(grid, "Backup", r.BackupSha256 is { } backup ? $"sha256 {backup} (gowatch revert {e.Position} brings it back)" : "none: the file did not exist");
                    break;
                case DriftDetected d:
                    Row(grid, "Check", $"{d.CheckId} ({d.Severity})");
                    Row(grid, "Caused by", d.CausedBy is { } cause ? $"#{cause}{Blame(cause)}" : "no recorded change to blame");
                    break;
                case DriftResolved r:
                    Row(grid, "Check", r.CheckId);
                    Row(grid, "Resolved by", r.ResolvedBy is { } by ? $"#{by}{Blame(by)}" : "no recorded change");
                    break;
                case NotificationSent n:
                    Row(grid, "Channel", n.Channel);
                    Row(grid, "Title", n.Title);
                    Row(grid, "Message", n.Message);
                    Row(grid, "Checks", string.Join(", ", n.CheckIds));
                    Row(grid, "Delivered", n.Delivered ? "yes" : $"no: {n.Error}");
                    break;
                case VerificationCompleted v:
                    Row(grid, "Trigger", v.Trigger);
                    Row(grid, "Duration", $"{v.DurationMs} ms");
                    break;
            }
            WriteFields(grid);
            context.Console.WriteLine();

            switch (e.Data)
            {
                case IFileEvent when FileEventContents.Load(e, backend) is { } contents:
                    WriteDiff(e, contents);
                    break;
                case InstallationChanged i:
                    WriteFingerprints(i);
                    break;
                case VerificationCompleted v:
                    WriteVerification(v);
                    break;
                case DriftDetected d:
                    WriteDriftFinding(e, d);
                    break;
                case DriftResolved or NotificationSent:
                    break;
                default:
                    var data = Indented(EventJson.SerializeData(e.Data));
                    context.Console.Write(new Panel(new Text(Visible.Block(Secrets.Mask(data, show)))).Header("data").Border(BoxBorder.Rounded));
                    break;
            }
        }

        /// <summary>" — FileChanged ~/.zshrc at 2026-…" for the event at <paramref name="position"/>.</summary>
        private string Blame(long position) => backend.Get(position) is { } blamed
            ? $" — {blamed.Type}{(blamed.Path is { } p ? " " + HomePaths.Tilde(p, _home) : "")} at {Times.Local(blamed.Time, context.Time)} (gowatch show {position})"
            : " (no longer in the store)";

        private void WriteDiff(EventEnvelope e, FileEventContents contents)
        {
            if (contents.Missing is { } why)
            {
                context.Console.MarkupLine($"[grey]No diff: {Markup.Escape(Visible.Line(why))}.[/]");
            }
            else if (e.Data is not FileUnreadable)
            {
                UnifiedDiff.Write(context, contents.Patch(show));
            }
        }

        private void WriteFingerprints(InstallationChanged i)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumn("").AddColumn("Before").AddColumn("After");
            void Compare(string name, Func<InstallationFingerprint, string?> value)
            {
                var before = i.Before is null ? "—" : value(i.Before) ?? "—";
                var after = value(i.After) ?? "—";
                table.AddRow(Markup.Escape(Visible.Line(name)), Markup.Escape(Visible.Line(before)), before == after ? Markup.Escape(Visible.Line(after)) : $"[bold]{Markup.Escape(Visible.Line(after))}[/]");
            }
            Compare("exists", f => f.Exists ? "yes" : "no");
            Compare("kind", f => f.Kind);
            Compare("symlink to", f => f.SymlinkTarget);
            Compare("VERSION", f => f.Version);
            Compare("bin/go arch", f => f.Arch);
            Compare("bin/go sha256", f => f.GoBinarySha256);
            context.Console.Write(table);
        }

        /// <summary>The finding as the verification that raised the drift reported it: its evidence and its fix.</summary>
        private void WriteDriftFinding(EventEnvelope e, DriftDetected drift)
        {
            var verification = backend.Query(new EventQuery { Types = ["VerificationCompleted"], BeforePosition = e.Position, Limit = 50 })
                .FirstOrDefault(v => e.CausationId is { } cause ? v.Id == cause : v.Data is VerificationCompleted c && c.Findings.Any(f => f.Id == drift.CheckId));
            if (verification?.Data is not VerificationCompleted completed || completed.Findings.FirstOrDefault(f => f.Id == drift.CheckId) is not { } finding)
            {
                context.Console.MarkupLine("[grey]The verification that found it is no longer in the store; gowatch doctor shows the evidence now.[/]");
                return;
            }
            context.Console.MarkupLine($"[grey]Found by verification #{verification.Position} ({Markup.Escape(completed.Trigger)}, gowatch show {verification.Position}):[/]");
            WriteFinding(finding);
        }

        private void WriteVerification(VerificationCompleted v)
        {
            if (v.Findings.Count == 0)
            {
                context.Console.MarkupLine("[green]No findings.[/]");
            }
            foreach (var f in v.Findings)
            {
                WriteFinding(f);
            }
            if (v.Passed.Count > 0)
            {
                context.Console.MarkupLine($"[green]Passed:[/] {Markup.Escape(string.Join(", ", v.Passed))}");
            }
        }

        private void WriteFinding(FindingRecord f)
        {
            {
                var mark = f.Severity switch { "error" => "[red]✗[/]", "warning" => "[yellow]![/]", _ => "[blue]i[/]" };
                context.Console.MarkupLine($"{mark} [bold]{Markup.Escape(f.Id)}[/] ({Markup.Escape(f.Severity)}): {Markup.Escape(Visible.Line(Secrets.Mask(f.Title, show)))}");
                if (f.Detail.Length > 0)
                {
                    context.Console.MarkupLine($"    {Markup.Escape(Visible.Line(Secrets.Mask(f.Detail, show)))}");
                }
                foreach (var evidence in f.Evidence)
                {
                    var where = evidence.File is { } file ? HomePaths.Tilde(file, _home) + (evidence.Line is { } line ? $":{line}" : "") : "";
                    var text = evidence.Text is { } t ? Secrets.Mask(t, show) : "";
                    context.Console.MarkupLine($"    [grey]evidence:[/] {Markup.Escape(Visible.Line(string.Join(": ", new[] { where, text }.Where(s => s.Length > 0))))}");
                }
                if (f.Fix is { } fix)
                {
                    context.Console.MarkupLine($"    [grey]fix:[/] {Markup.Escape(Visible.Line(Secrets.Mask(fix, show)))}");
                }
            }
        }

        private void Row(List<(string Key, string Value)> fields, string key, string? value) => fields.Add((key, Visible.Line(Secrets.Mask(value ?? "—", show))));

        /// <summary>Key and value columns: a Spectre grid on a terminal, plain aligned lines (no padding at the end) in a pipe.</summary>
        private void WriteFields(List<(string Key, string Value)> fields)
        {
            if (context.OutputIsTerminal)
            {
                var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
                foreach (var (key, value) in fields)
                {
                    grid.AddRow($"[bold]{Markup.Escape(key)}[/]", Markup.Escape(value));
                }
                context.Console.Write(grid);
                return;
            }
            var width = fields.Max(f => f.Key.Length);
            foreach (var (key, value) in fields)
            {
                context.Out.WriteLine($"{key.PadRight(width)}  {value.ReplaceLineEndings(" ")}".TrimEnd());
            }
            context.Out.Flush();
        }
    }

    /// <summary>The JSON re-written indented, by a writer rather than the reflection-based serializer (native AOT).</summary>
    private static string Indented(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            document.RootElement.WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
