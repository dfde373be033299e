using GoWatch.Checks;
using GoWatch.Platform.Locations;
using Spectre.Console;

namespace GoWatch.Cli.Rendering;

/// <summary>
/// Renders a doctor report for people. A healthy run is one line; findings are grouped by
/// severity (✗ error, ! warning, i info), each with what was seen, the evidence as
/// <c>~/.zshrc:12: …</c>, a <c>why: gowatch explain GOROOT</c> line where the finding is about
/// where a value comes from, and the fix, wrapped to the console width with continuation lines
/// indented under their item. <c>--all</c> also lists what passed and what was not checked and
/// why. Passed checks get no tick: their ids name problems (<c>path.broken</c>), and a green
/// mark beside a problem's name reads as the problem. All text is escaped, so a path
/// containing <c>[red]</c> prints literally.
/// </summary>
public static class DoctorRenderer
{
    private const string Hint = "gowatch doctor --all for the list";
    private const int Indent = 4;

    /// <summary>Writes the report to <paramref name="console"/>; <paramref name="home"/> is shown as <c>~</c>.</summary>
    public static void Render(IAnsiConsole console, VerificationReport report, string home, bool all = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var writer = new Writer(console);

        if (report.Findings.Count > 0)
        {
            writer.Block("", 0, Context(report, home), "dim");
            foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Info })
            {
                var findings = report.Findings.Where(f => f.Severity == severity).ToList();
                if (findings.Count == 0)
                {
                    continue;
                }
                var (mark, colour, heading) = Style(severity);
                writer.Blank();
                writer.Block("", 0, $"{heading} ({findings.Count})", $"bold {colour}");
                foreach (var finding in findings)
                {
                    writer.Block($"[{colour}]{mark}[/] ", 2, $"{finding.Title} ({finding.Id})", "bold");
                    writer.Block(new string(' ', Indent), Indent, finding.Detail, null);
                    foreach (var evidence in finding.Evidence)
                    {
                        writer.Block(new string(' ', Indent) + "[dim]•[/] ", Indent + 2, Show(evidence, home), null);
                    }
                    if (ExplainCommandFor(finding) is { } explain)
                    {
                        writer.Block(new string(' ', Indent) + "[dim]why:[/] ", Indent + 5, explain, null);
                    }
                    writer.Block(new string(' ', Indent) + "[green]fix:[/] ", Indent + 5, finding.Fix, null);
                }
            }
        }

        if (all)
        {
            if (report.Passed.Count > 0)
            {
                writer.Blank();
                writer.Block("", 0, $"Passed, no problem found ({report.Passed.Count})", "bold");
                writer.Block("  ", 2, string.Join(", ", report.Passed), null);
            }
            if (report.Skipped.Count > 0)
            {
                writer.Blank();
                writer.Block("", 0, $"Not checked ({report.Skipped.Count})", "bold");
                foreach (var skipped in report.Skipped)
                {
                    writer.Block("  [dim]-[/] ", Indent, $"{skipped.Id}: {skipped.Reason}", null);
                }
            }
            writer.Blank();
        }
        else if (report.Findings.Count > 0)
        {
            writer.Blank();
        }

        // On a narrow terminal the hint goes on a line of its own rather than breaking the command.
        var summary = Summary(report, all);
        writer.Block("", 2, summary.Length > writer.Width ? summary.Replace(" — ", "\n", StringComparison.Ordinal) : summary, null);
    }

    /// <summary>The closing line: one line on its own for a healthy run.</summary>
    public static string Summary(VerificationReport report, bool all)
    {
        var passed = $"{report.Passed.Count} check{(report.Passed.Count == 1 ? "" : "s")} passed";
        var skipped = report.Skipped.Count > 0 ? $", {report.Skipped.Count} skipped" : "";
        var hint = all || report.Passed.Count + report.Skipped.Count == 0 ? "" : " — " + Hint;
        if (report.Findings.Count == 0)
        {
            return report.Passed.Count == 0
                ? $"Nothing could be checked: {report.Skipped.Count} skipped{(all ? "" : " — gowatch doctor --all for the reasons")}"
                : $"No problems: {passed}{skipped}{hint}";
        }
        var counts = new[] { Severity.Error, Severity.Warning, Severity.Info }
            .Select(s => (Severity: s, Count: report.Findings.Count(f => f.Severity == s)))
            .Where(c => c.Count > 0)
            .Select(c => c.Severity switch
            {
                Severity.Error => $"{c.Count} error{(c.Count == 1 ? "" : "s")}",
                Severity.Warning => $"{c.Count} warning{(c.Count == 1 ? "" : "s")}",
                _ => $"{c.Count} info",
            });
        return $"{string.Join(", ", counts)}; {passed}{skipped}{hint}";
    }

    /// <summary><c>gowatch explain GOROOT</c> for a finding whose story is where a value comes from; null for the rest.</summary>
    public static string? ExplainCommandFor(Finding finding) =>
        finding.Explain.Count == 0 ? null : "gowatch explain " + string.Join(' ', finding.Explain);

    private static string Context(VerificationReport report, string home)
    {
        var go = report.Go is { } g ? $"{g.Version ?? "go"} at {HomePaths.Tilde(g.Path, home)} ({g.Arch ?? "unknown arch"})" : "no go on PATH";
        return $"{report.Host.Platform}/{report.Host.Arch}, shell {report.Host.Shell ?? "none"}, {go}";
    }

    private static string Show(Evidence evidence, string home)
    {
        if (evidence.File is not { } file)
        {
            return evidence.Text ?? "";
        }
        var location = HomePaths.Tilde(file, home) + (evidence.Line is { } line ? $":{line}" : "");
        return string.IsNullOrEmpty(evidence.Text) ? location : $"{location}: {evidence.Text}";
    }

    private static (string Mark, string Colour, string Heading) Style(Severity severity) => severity switch
    {
        Severity.Error => ("✗", "red", "Errors"),
        Severity.Warning => ("!", "yellow", "Warnings"),
        _ => ("i", "blue", "Info"),
    };

    /// <summary>Writes wrapped, indented blocks; the console's width decides where lines break.</summary>
    private sealed class Writer(IAnsiConsole console)
    {
        // One column short of the width: a line that exactly fills a terminal makes some wrap twice.
        private readonly int _width = Math.Max(40, console.Profile.Width - 1);

        public int Width => _width;

        private bool _written;

        // A separator, never a leading empty line.
        public void Blank()
        {
            if (_written)
            {
                console.WriteLine();
            }
        }

        /// <summary>
        /// Writes <paramref name="text"/> after <paramref name="prefix"/> (markup, <paramref name="indent"/>
        /// columns wide on its first line); every further line starts at column <paramref name="indent"/>.
        /// </summary>
        public void Block(string prefix, int indent, string text, string? style)
        {
            var first = true;
            foreach (var line in TextWrap.Lines(text, _width - indent))
            {
                var body = style is null || line.Length == 0 ? Markup.Escape(line) : $"[{style}]{Markup.Escape(line)}[/]";
                console.MarkupLine((first ? prefix : new string(' ', indent)) + body);
                first = false;
                _written = true;
            }
        }
    }
}
