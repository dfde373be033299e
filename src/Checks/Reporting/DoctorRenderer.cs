using GoWatch.Checks.Catalogue;
using Spectre.Console;

namespace GoWatch.Checks.Reporting;

/// <summary>
/// Renders a report for people, grouped by area like <c>flutter doctor</c>: ✓ passed,
/// ! warning or info, ✗ error, with the evidence and the fix under each finding. All text is
/// escaped, so a path containing <c>[red]</c> prints literally.
/// </summary>
public static class DoctorRenderer
{
    private static readonly Dictionary<CheckArea, string> AreaNames = new()
    {
        [CheckArea.Shell] = "Login shell",
        [CheckArea.Toolchain] = "Go toolchain",
        [CheckArea.Installations] = "Installations",
        [CheckArea.Environment] = "Go environment",
        [CheckArea.GoLand] = "GoLand",
    };

    /// <summary>Writes the report to <paramref name="console"/>.</summary>
    public static void Render(IAnsiConsole console, VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);

        var go = report.Go is { } g ? $"{g.Version ?? "go"} at {g.Path} ({g.Arch ?? "unknown arch"})" : "no go on PATH";
        console.MarkupLine($"[bold]GoWatch doctor[/] — {E(report.Host.Platform)}/{E(report.Host.Arch)}, shell {E(report.Host.Shell ?? "none")}, {E(go)}");

        foreach (var area in Enum.GetValues<CheckArea>())
        {
            var ids = CheckCatalogue.All.Where(c => c.Area == area).Select(c => c.Id).ToList();
            var findings = report.Findings.Where(f => ids.Contains(f.Id)).ToList();
            var passed = report.Passed.Where(ids.Contains).ToList();
            var skipped = report.Skipped.Where(s => ids.Contains(s.Id)).ToList();
            if (findings.Count + passed.Count + skipped.Count == 0)
            {
                continue;
            }
            var mark = findings.Any(f => f.Severity == Severity.Error) ? "[red]✗[/]" : findings.Count > 0 ? "[yellow]![/]" : "[green]✓[/]";
            console.WriteLine();
            console.MarkupLine($"{mark} [bold]{E(AreaNames[area])}[/]");
            foreach (var id in passed)
            {
                console.MarkupLine($"    [green]✓[/] {E(id)}");
            }
            foreach (var finding in findings)
            {
                var (symbol, colour) = finding.Severity switch
                {
                    Severity.Error => ("✗", "red"),
                    Severity.Warning => ("!", "yellow"),
                    _ => ("i", "blue"),
                };
                console.MarkupLine($"    [{colour}]{symbol}[/] [bold]{E(finding.Title)}[/] [dim]({E(finding.Id)})[/]");
                console.MarkupLine($"        {E(finding.Detail)}");
                foreach (var evidence in finding.Evidence)
                {
                    console.MarkupLine($"        [dim]•[/] {E(evidence.ToString())}");
                }
                console.MarkupLine($"        [green]fix:[/] {E(finding.Fix)}");
            }
            foreach (var skip in skipped)
            {
                console.MarkupLine($"    [dim]- {E(skip.Id)}: not checked, {E(skip.Reason)}[/]");
            }
        }

        console.WriteLine();
        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = report.Findings.Count - errors;
        var summary = errors > 0 ? $"[red]{errors} error(s)[/], " : "";
        console.MarkupLine($"{summary}{warnings} warning(s)/info, {report.Passed.Count} passed, {report.Skipped.Count} not checked" +
            $" [dim](shell startup {(report.ShellStartupMs is { } ms ? $"{ms} ms" : "n/a")}, total {report.DurationMs} ms)[/]");
    }

    private static string E(string text) => Markup.Escape(text);
}
