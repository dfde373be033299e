using System.Globalization;
using System.Net;
using System.Text;
using GoWatch.Platform.Security;
using GoWatch.Platform.Locations;
using GoWatch.Recording.Reporting;

namespace GoWatch.Cli.Report;

/// <summary>
/// Renders a <see cref="ReportModel"/> as one self-contained HTML page: inline CSS and SVG, no
/// script, no font or image from the network, readable offline, in dark mode and on paper.
/// Colour never carries meaning alone: breaks are hatched and labelled, failed verification
/// runs are taller ticks with a dot, downtime is cross-hatched and named.
/// </summary>
public sealed class ReportHtml(ReportModel model, string home, TimeZoneInfo zone, DateTimeOffset generatedAt, bool showSecrets = false)
{
    // One horizontal scale for every chart, so a break, the change before it and the daemon's
    // downtime line up vertically.
    private const double Width = 1100;
    private const double PlotX = ReportWindow.TimelineLeft;
    private const double PlotWidth = ReportWindow.TimelineWidth;
    private const double LaneHeight = 36;
    private const double CharWidth = 6.3;

    private readonly StringBuilder _html = new(64 * 1024);
    private readonly ReportWindow _window = model.Window;
    private readonly IReadOnlyList<ReportBreak> _breaks = model.Breaks;

    public static string Render(ReportModel model, string home, TimeZoneInfo zone, DateTimeOffset generatedAt, bool showSecrets = false) =>
        new ReportHtml(model, home, zone, generatedAt, showSecrets).Render();

    private string Render()
    {
        var title = $"GoWatch report — {_window.Description}";
        Line("<!doctype html>");
        Line("<html lang=\"en\">");
        Line("<head>");
        Line("<meta charset=\"utf-8\">");
        Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Line("<meta name=\"color-scheme\" content=\"light dark\">");
        Line($"<title>{E(title)}</title>");
        Line($"<style>{Css}</style>");
        Line("</head>");
        Line("<body>");
        Patterns();
        Line("<header>");
        Line($"<h1>GoWatch report <span class=\"muted\">— {E(_window.Description)}</span></h1>");
        Line($"<p class=\"muted\">{E(ReportText.Time(_window.From, zone))} → {E(ReportText.Time(_window.To, zone))} ({E(ZoneName())}); made {E(ReportText.Time(generatedAt, zone))} by <code>gowatch report</code> from {model.EventsRead.ToString("N0", CultureInfo.InvariantCulture)} recorded events.</p>");
        Summary();
        Line("</header>");
        Timeline();
        BreakTable();
        Culprits();
        FileChanges();
        Installations();
        Notifications();
        Downtime();
        Line("<footer class=\"muted\">Times are when GoWatch recorded each event. Everything on this page comes from the local event store; it loads nothing from the network.</footer>");
        Line("</body>");
        Line("</html>");
        return _html.ToString();
    }

    private string ZoneName() => zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;

    // ---- summary --------------------------------------------------------------------------------

    private void Summary()
    {
        var repaired = _breaks.Where(b => !b.Ongoing).Select(b => b.RepairTime(_window.To)).Order().ToList();
        var ongoing = _breaks.Count(b => b.Ongoing);
        var downtime = model.Downtime;
        var down = downtime.Aggregate(TimeSpan.Zero, (sum, g) => sum + (Clip(g.To ?? _window.To) - Clip(g.From ?? g.To ?? _window.To)));
        Line("<dl class=\"figures\">");
        Figure("breaks", _breaks.Count == 0 ? "none" : $"{_breaks.Count} in {model.FailedChecks.Count} check{(model.FailedChecks.Count == 1 ? "" : "s")}");
        Figure("still broken", ongoing == 0 ? "none" : $"{ongoing}");
        Figure("time to repair, in total", repaired.Count == 0 ? "—" : ReportText.Duration(model.TotalRepairTime), "total-repair");
        Figure("median / longest repair", repaired.Count == 0 ? "—" : $"{ReportText.Duration(Median(repaired))} / {ReportText.Duration(repaired[^1])}");
        Figure("verification runs", $"{model.VerificationRuns} ({model.VerificationRunsWithErrors} with errors)");
        Figure("notifications sent", $"{model.Notifications.Count}");
        Figure("daemon down", downtime.Count == 0 ? "never" : $"{ReportText.Duration(down)} ({downtime.Count(g => g.Crash)} crash{(downtime.Count(g => g.Crash) == 1 ? "" : "es")})");
        Line("</dl>");
    }

    private static TimeSpan Median(IReadOnlyList<TimeSpan> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private void Figure(string name, string value, string? id = null) =>
        Line($"<div{(id is null ? "" : $" id=\"{id}\"")}><dt>{E(name)}</dt><dd>{E(value)}</dd></div>");

    // ---- timeline -------------------------------------------------------------------------------

    private void Timeline()
    {
        Line("<section id=\"timeline\">");
        Line("<h2>When the setup was broken</h2>");
        if (_breaks.Count == 0)
        {
            Line($"<p class=\"empty\">{E(ReportText.NoFailures(_window))}.</p>");
        }
        var checks = model.FailedChecks;
        var lanes = 1 + checks.Count + 2; // daemon, checks, verifications, notifications
        var axis = 26.0;
        var height = axis + (lanes * LaneHeight) + 6;
        Svg(height, "Timeline: one lane per check that failed, with the daemon, verification runs and notifications");
        Axis(axis, height);

        // Downtime first, behind every lane.
        var laneTop = axis;
        foreach (var gap in model.Downtime)
        {
            var (x1, x2) = Span(gap.From ?? gap.To ?? _window.To, gap.To ?? _window.To);
            Line($"<rect class=\"down\" data-crash=\"{(gap.Crash ? "true" : "false")}\" x=\"{N(x1)}\" y=\"{N(laneTop)}\" width=\"{N(Math.Max(2, x2 - x1))}\" height=\"{N(lanes * LaneHeight)}\"><title>{E(GapText(gap))}</title></rect>");
        }

        var y = laneTop;
        Lane(y, "daemon", "lane-daemon");
        foreach (var gap in model.Downtime)
        {
            var (x1, _) = Span(gap.From ?? gap.To ?? _window.To, gap.To ?? _window.To);
            var mark = gap.Crash ? "crash" : "down";
            Line($"<text class=\"gap-label\" x=\"{N(x1 + 2)}\" y=\"{N(y + 23)}\">{mark}</text>");
            if (gap.Crash && gap.To is { } to)
            {
                var x = X(to);
                Line($"<path class=\"crash\" d=\"M{N(x)} {N(y + 6)} l5 9 h-10 z\"><title>{E(GapText(gap))}</title></path>");
            }
        }
        y += LaneHeight;

        var number = _breaks.Select((b, i) => (b, i + 1)).ToDictionary(p => p.b, p => p.Item2);
        foreach (var check in checks)
        {
            Lane(y, check, "lane-check");
            var spans = _breaks.Where(b => b.CheckId == check).ToList();
            var free = PlotX; // labels sit in a row under the spans, from here rightwards, never overlapping
            for (var i = 0; i < spans.Count; i++)
            {
                var b = spans[i];
                var (x1, x2) = Span(b.BrokeAt, b.FixedAt ?? _window.To);
                var n = number[b];
                Line($"<g class=\"span\" data-check=\"{E(check)}\" data-break=\"{n}\"{(b.CausedBy is { } c ? $" data-caused-by=\"{c}\"" : "")}>");
                Line($"<rect class=\"break{(b.Ongoing ? " ongoing" : "")}\" x=\"{N(x1)}\" y=\"{N(y + 5)}\" width=\"{N(Math.Max(3, x2 - x1))}\" height=\"14\"><title>{E(BreakText(b, n))}</title></rect>");
                if (b.Ongoing)
                {
                    Line($"<path class=\"arrow\" d=\"M{N(x2)} {N(y + 3)} l6 9 l-6 9 z\"/>");
                }
                // The full label starts under its span, or ends just before the next span (or the
                // page's edge) when that is nearer; failing both, the number alone, which the table explains.
                var limit = i + 1 < spans.Count ? X(spans[i + 1].BrokeAt) - 4 : Width - 4;
                var label = $"#{n} {Label(b)}";
                var width = label.Length * CharWidth;
                double? at = x1 >= free && x1 + width <= limit ? x1 : limit - width >= free ? limit - width : null;
                if (at is null && x1 >= free && x1 + ($"#{n}".Length * CharWidth) <= Width)
                {
                    (at, label, width) = (x1, $"#{n}", $"#{n}".Length * CharWidth);
                }
                if (at is { } left)
                {
                    Line($"<text class=\"span-label\" x=\"{N(left + 1)}\" y=\"{N(y + 31)}\">{E(label)}</text>");
                    free = left + width + 8;
                }
                Line("</g>");
            }
            y += LaneHeight;
        }

        // The fold groups runs per column of this timeline (ReportWindow.Column) and keeps the first
        // with the most errors of each.
        Lane(y, $"verifications ({model.VerificationRuns})", "lane-verify");
        foreach (var column in model.Verifications)
        {
            var runs = column.Runs;
            var text = column.WorstErrors > 0
                ? $"{runs} run{(runs == 1 ? "" : "s")} at {ReportText.Time(column.WorstTime, zone)}: {column.WorstErrors} error finding{(column.WorstErrors == 1 ? "" : "s")}"
                : $"{runs} run{(runs == 1 ? "" : "s")} at {ReportText.Time(column.WorstTime, zone)}: no errors";
            if (column.WorstErrors > 0)
            {
                Line($"<g class=\"tick fail\"><line x1=\"{column.X}\" x2=\"{column.X}\" y1=\"{N(y + 6)}\" y2=\"{N(y + 26)}\"/><circle cx=\"{column.X}\" cy=\"{N(y + 6)}\" r=\"2.5\"/><title>{E(text)}</title></g>");
            }
            else
            {
                Line($"<line class=\"tick pass\" x1=\"{column.X}\" x2=\"{column.X}\" y1=\"{N(y + 18)}\" y2=\"{N(y + 26)}\"><title>{E(text)}</title></line>");
            }
        }
        y += LaneHeight;

        Lane(y, $"notifications ({model.Notifications.Count})", "lane-notify");
        foreach (var group in model.Notifications.GroupBy(n => (int)X(n.Time)))
        {
            var text = string.Join("\n", group.Select(n => $"{ReportText.Time(n.Time, zone)} {Mask(n.Title)}"));
            Line($"<path class=\"notify\" d=\"M{group.Key} {N(y + 9)} l6 7 l-6 7 l-6 -7 z\"><title>{E(text)}</title></path>");
        }
        Line("</svg>");
        Legend();
        Line("</section>");
    }

    private void Lane(double y, string name, string cls)
    {
        Line($"<g class=\"{cls}\">");
        Line($"<text class=\"lane-name\" x=\"{N(PlotX - 10)}\" y=\"{N(y + 17)}\" text-anchor=\"end\">{E(name)}</text>");
        Line($"<line class=\"baseline\" x1=\"{N(PlotX)}\" x2=\"{N(PlotX + PlotWidth)}\" y1=\"{N(y + 12)}\" y2=\"{N(y + 12)}\"/>");
        Line("</g>");
    }

    private void Axis(double top, double bottom)
    {
        var step = AxisStep(_window.Length);
        var local = TimeZoneInfo.ConvertTime(_window.From, zone);
        var first = step >= TimeSpan.FromDays(1)
            ? new DateTimeOffset(local.Date, local.Offset).AddDays(1)
            : new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset).AddHours(1);
        var format = step >= TimeSpan.FromDays(1) ? "MMM d" : "MMM d HH:mm";
        var labels = 0;
        for (var t = first; t < _window.To && labels < 40; t += step, labels++)
        {
            var x = X(t);
            Line($"<line class=\"grid\" x1=\"{N(x)}\" x2=\"{N(x)}\" y1=\"{N(top - 6)}\" y2=\"{N(bottom)}\"/>");
            Line($"<text class=\"axis\" x=\"{N(x)}\" y=\"{N(top - 10)}\" text-anchor=\"middle\">{E(TimeZoneInfo.ConvertTime(t, zone).ToString(format, CultureInfo.InvariantCulture))}</text>");
        }
    }

    private static TimeSpan AxisStep(TimeSpan length)
    {
        TimeSpan[] steps = [TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(28), TimeSpan.FromDays(91)];
        return steps.FirstOrDefault(s => length / s <= 10, TimeSpan.FromDays(365));
    }

    private void Legend()
    {
        Line("<ul class=\"legend\">");
        Line("<li><svg width=\"28\" height=\"14\" aria-hidden=\"true\"><rect class=\"break\" x=\"1\" y=\"1\" width=\"26\" height=\"12\"/></svg> check failing (hatched): from its DriftDetected to its DriftResolved; <b>#n</b> numbers the break in the table below</li>");
        Line("<li><svg width=\"28\" height=\"14\" aria-hidden=\"true\"><rect class=\"down\" x=\"1\" y=\"1\" width=\"26\" height=\"12\"/></svg> daemon down (cross-hatched grey); a triangle marks a crash</li>");
        Line("<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><line class=\"tick pass\" x1=\"7\" x2=\"7\" y1=\"6\" y2=\"14\"/></svg> verification run without errors · <svg width=\"14\" height=\"14\" aria-hidden=\"true\"><g class=\"tick fail\"><line x1=\"7\" x2=\"7\" y1=\"3\" y2=\"14\"/><circle cx=\"7\" cy=\"3\" r=\"2.5\"/></g></svg> with errors (taller, with a dot)</li>");
        Line("<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><path class=\"notify\" d=\"M7 0 l6 7 l-6 7 l-6 -7 z\"/></svg> notification sent</li>");
        Line("</ul>");
    }

    // ---- tables ---------------------------------------------------------------------------------

    private void BreakTable()
    {
        if (_breaks.Count == 0)
        {
            return;
        }
        Line("<section id=\"breaks\">");
        Line("<h2>Every break, the change blamed for it, and how long the repair took</h2>");
        Line("<table><thead><tr><th>#</th><th>check</th><th>broke</th><th>fixed</th><th class=\"num\">time to repair</th><th>change blamed</th><th>see it</th></tr></thead><tbody>");
        var n = 0;
        foreach (var b in _breaks)
        {
            n++;
            var repair = b.RepairTime(_window.To);
            Line($"<tr class=\"break-row{(b.Ongoing ? " ongoing" : "")}\" data-check=\"{E(b.CheckId)}\" data-break=\"{n}\">" +
                $"<td>#{n}</td>" +
                $"<td><code>{E(b.CheckId)}</code> <span class=\"sev sev-{E(b.Severity)}\">{E(b.Severity)}</span><br><span class=\"muted\">{E(Mask(b.Title))}</span></td>" +
                $"<td>{E(ReportText.Time(b.BrokeAt, zone))}</td>" +
                $"<td>{(b.FixedAt is { } f ? E(ReportText.Time(f, zone)) : "<b>still broken</b>")}</td>" +
                $"<td class=\"num repair\">{E(ReportText.Duration(repair))}{(b.Ongoing ? " so far" : "")}</td>" +
                $"<td>{(b.Blame is { } c ? $"{E(Tilde(c.Subject))} <span class=\"muted\">{E(c.Type)} at {E(ReportText.Time(c.Time, zone))}</span>" : b.CausedBy is { } p ? $"position {p} (not found)" : "<span class=\"muted\">no change to blame</span>")}</td>" +
                $"<td>{(b.Blame is { } cmd ? $"<code class=\"cmd\">{E(cmd.Command)}</code>" : "")}</td></tr>");
        }
        var repaired = _breaks.Count(b => !b.Ongoing);
        Line($"</tbody><tfoot><tr><td colspan=\"4\">{repaired} repaired, {_breaks.Count - repaired} still broken</td><td class=\"num\">{E(ReportText.Duration(model.TotalRepairTime))}</td><td colspan=\"2\">in total to repair</td></tr></tfoot></table>");
        Line("</section>");
    }

    private void Culprits()
    {
        var culprits = model.Culprits;
        if (culprits.Count == 0)
        {
            return;
        }
        Line("<section id=\"culprits\">");
        Line("<h2>What keeps breaking things</h2>");
        Line("<table><thead><tr><th>file or installation</th><th class=\"num\">breaks blamed on it</th><th class=\"num\">time broken after its changes</th></tr></thead><tbody>");
        foreach (var (subject, breaks, broken) in culprits)
        {
            Line($"<tr class=\"culprit\"><td><code>{E(Tilde(subject))}</code></td><td class=\"num\">{breaks}</td><td class=\"num\">{E(ReportText.Duration(broken))}</td></tr>");
        }
        Line("</tbody></table>");
        Line("</section>");
    }

    private void FileChanges()
    {
        Line("<section id=\"files\">");
        Line("<h2>Changes per watched file</h2>");
        var files = model.Files.Values.OrderByDescending(f => f.Changes).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            Line($"<p class=\"empty\">No watched file changed {(_window.Description.StartsWith("since ", StringComparison.Ordinal) ? "" : "in ")}{E(_window.Description)}.</p>");
            Line("</section>");
            return;
        }
        var max = files.Max(f => f.PerSlice.Max());
        var row = 22.0;
        var axis = 26.0;
        Svg(axis + (files.Count * row) + 4, "Changes per watched file over time: darker cells mean more changes; a triangle marks a change blamed for a break");
        Axis(axis, axis + (files.Count * row));
        var slice = PlotWidth / ReportModel.Slices;
        var blamed = _breaks.Where(b => b.Blame is not null).Select(b => b.Blame!).DistinctBy(c => c.Position).ToLookup(c => c.Subject, StringComparer.Ordinal);
        var y = axis;
        foreach (var file in files)
        {
            Line($"<g class=\"file\" data-path=\"{E(Tilde(file.Path))}\">");
            Line($"<text class=\"lane-name\" x=\"{N(PlotX - 10)}\" y=\"{N(y + 15)}\" text-anchor=\"end\">{E(Shorten(Tilde(file.Path), 30))} ({file.Changes})<title>{E(Tilde(file.Path))}: {file.Changes} change{(file.Changes == 1 ? "" : "s")}</title></text>");
            for (var i = 0; i < file.PerSlice.Length; i++)
            {
                var count = file.PerSlice[i];
                if (count == 0)
                {
                    continue;
                }
                var opacity = 0.25 + (0.75 * count / max);
                var from = _window.From + (_window.Length * i / ReportModel.Slices);
                Line($"<rect class=\"heat\" x=\"{N(PlotX + (i * slice))}\" y=\"{N(y + 3)}\" width=\"{N(slice - 1)}\" height=\"16\" fill-opacity=\"{N(opacity, "0.00")}\"><title>{count} change{(count == 1 ? "" : "s")} from {E(ReportText.Time(from, zone))}</title></rect>");
            }
            foreach (var change in blamed[file.Path])
            {
                if (change.Time >= _window.From)
                {
                    Line($"<path class=\"blamed\" d=\"M{N(X(change.Time))} {N(y + 12)} l5 9 h-10 z\"><title>{E($"{Tilde(file.Path)} changed at {ReportText.Time(change.Time, zone)} was blamed for a break: {change.Command}")}</title></path>");
                }
            }
            Line("</g>");
            y += row;
        }
        Line("</svg>");
        Line("<p class=\"muted\">Each cell is 1/60 of the window; the darker, the more changes. A triangle outlined in red marks a change blamed for a break.</p>");
        Line("</section>");
    }

    private void Installations()
    {
        if (model.Installations.Count == 0)
        {
            return;
        }
        Line("<section id=\"installations\">");
        Line("<h2>Go installations appearing and disappearing</h2>");
        var paths = model.Installations.Select(i => i.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var axis = 26.0;
        Svg(axis + (paths.Count * LaneHeight) + 4, "Go installations over time: up triangle appeared, down triangle disappeared, diamond changed, circle first seen");
        Axis(axis, axis + (paths.Count * LaneHeight));
        var y = axis;
        foreach (var path in paths)
        {
            Lane(y, Shorten(Tilde(path), 32), "lane-install");
            foreach (var group in model.Installations.Where(i => i.Path == path).GroupBy(i => (int)X(i.Time)))
            {
                var last = group.Last();
                var x = group.Key;
                var shape = last.Change switch
                {
                    InstallationChange.Appeared => $"M{x} {N(y + 4)} l6 10 h-12 z",
                    InstallationChange.Disappeared => $"M{x} {N(y + 20)} l6 -10 h-12 z",
                    InstallationChange.Changed => $"M{x} {N(y + 5)} l6 7 l-6 7 l-6 -7 z",
                    _ => $"M{x - 5} {N(y + 12)} a5 5 0 1 0 10 0 a5 5 0 1 0 -10 0",
                };
                var text = string.Join("\n", group.Select(InstallationText));
                Line($"<path class=\"install {last.Change.ToString().ToLowerInvariant()}\" d=\"{shape}\"><title>{E(text)}</title></path>");
            }
            y += LaneHeight;
        }
        Line("</svg>");
        Line("<table><thead><tr><th>when</th><th>installation</th><th>what happened</th></tr></thead><tbody>");
        foreach (var i in model.Installations.TakeLast(200))
        {
            Line($"<tr><td>{E(ReportText.Time(i.Time, zone))}</td><td><code>{E(Tilde(i.Path))}</code></td><td>{E(InstallationWhat(i))} <span class=\"muted\">(<code>gowatch show {i.Position}</code>)</span></td></tr>");
        }
        Line("</tbody></table>");
        if (model.Installations.Count > 200)
        {
            Line($"<p class=\"muted\">The newest 200 of {model.Installations.Count}; <code>gowatch history --type InstallationChanged</code> lists them all.</p>");
        }
        Line("</section>");
    }

    private string InstallationText(InstallationEvent i) => $"{ReportText.Time(i.Time, zone)} {InstallationWhat(i)}";

    private static string InstallationWhat(InstallationEvent i) => i.Change switch
        {
            InstallationChange.Appeared => $"appeared{(i.VersionAfter is { } v ? $" ({v})" : "")}",
            InstallationChange.Disappeared => $"disappeared{(i.VersionBefore is { } v ? $" ({v})" : "")}",
            InstallationChange.Changed => i.VersionBefore != i.VersionAfter ? $"changed: {i.VersionBefore ?? "?"} → {i.VersionAfter ?? "?"}" : $"changed{(i.VersionAfter is { } v ? $" ({v})" : "")}",
            _ => $"first seen{(i.VersionAfter is { } v ? $" ({v})" : "")}",
        };

    private void Notifications()
    {
        if (model.Notifications.Count == 0)
        {
            return;
        }
        Line("<section id=\"notifications\">");
        Line("<h2>Notifications sent</h2>");
        Line("<table><thead><tr><th>when</th><th>what it said</th><th>checks</th><th>through</th></tr></thead><tbody>");
        foreach (var n in model.Notifications.TakeLast(200).Reverse())
        {
            Line($"<tr class=\"notification\"><td>{E(ReportText.Time(n.Time, zone))}</td><td><b>{E(Mask(n.Title))}</b><br>{E(Mask(n.Message))}</td><td>{E(string.Join(", ", n.CheckIds))}</td><td>{E(n.Channel)}{(n.Delivered ? "" : " <b>(not delivered)</b>")}</td></tr>");
        }
        Line("</tbody></table>");
        if (model.Notifications.Count > 200)
        {
            Line($"<p class=\"muted\">The newest 200 of {model.Notifications.Count}; <code>gowatch history --type NotificationSent</code> lists them all.</p>");
        }
        Line("</section>");
    }

    private void Downtime()
    {
        var gaps = model.Downtime;
        if (gaps.Count == 0)
        {
            return;
        }
        Line("<section id=\"downtime\">");
        Line("<h2>Daemon downtime and crashes</h2>");
        Line("<p class=\"muted\">While gowatchd is down nothing is verified; changes made meanwhile are recorded when it starts again.</p>");
        Line("<table><thead><tr><th>down from</th><th>until</th><th class=\"num\">for</th><th>why</th></tr></thead><tbody>");
        foreach (var g in gaps.TakeLast(200).Reverse())
        {
            var duration = g.From is { } f ? ReportText.Duration((g.To ?? _window.To) - f) : "?";
            Line($"<tr class=\"gap{(g.Crash ? " crash" : "")}\"><td>{(g.From is { } from ? E(ReportText.Time(from, zone)) : "?")}</td><td>{(g.To is { } to ? E(ReportText.Time(to, zone)) : "<b>still down</b>")}</td><td class=\"num\">{E(duration)}</td><td>{E(g.Crash ? "crashed: a start with no stop before it (from the last event the crashed run recorded)" : $"stopped: {g.Reason}")}</td></tr>");
        }
        Line("</tbody></table>");
        if (gaps.Count > 200)
        {
            Line($"<p class=\"muted\">The newest 200 of {gaps.Count}.</p>");
        }
        Line("</section>");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private string Label(ReportBreak b) =>
        b.Blame is { } c ? $"{Tilde(c.Subject)} {ReportText.ShortTime(c.Time, zone)} · {c.Command}" : "no change to blame";

    private string BreakText(ReportBreak b, int n)
    {
        var text = new StringBuilder()
            .Append($"#{n} {b.CheckId} ({b.Severity}): {Mask(b.Title)}\n")
            .Append($"broke {ReportText.Time(b.BrokeAt, zone)}, ")
            .Append(b.FixedAt is { } f ? $"fixed {ReportText.Time(f, zone)} after {ReportText.Duration(b.RepairTime(_window.To))}" : $"still broken after {ReportText.Duration(b.RepairTime(_window.To))}");
        if (b.Blame is { } c)
        {
            text.Append($"\nblamed: {Tilde(c.Subject)} ({c.Type} at {ReportText.Time(c.Time, zone)}) — {c.Command}");
        }
        return text.ToString();
    }

    private string GapText(DowntimeGap g) =>
        (g.Crash ? "daemon crashed" : $"daemon stopped ({g.Reason})") +
        $": down {(g.From is { } f ? ReportText.Time(f, zone) : "?")} → {(g.To is { } t ? ReportText.Time(t, zone) : "still down")}";

    /// <summary>Recorded text (titles, notification messages) with secrets masked unless the user asked to see them.</summary>
    private string Mask(string text) => showSecrets ? text : SecretMasker.Mask(text);

    private string Tilde(string path) => HomePaths.Tilde(path, home);

    private static string Shorten(string text, int max) => text.Length <= max ? text : "…" + text[^(max - 1)..];

    private DateTimeOffset Clip(DateTimeOffset t) => t < _window.From ? _window.From : t > _window.To ? _window.To : t;

    private double X(DateTimeOffset t) => PlotX + (_window.Fraction(t) * PlotWidth);

    private (double From, double To) Span(DateTimeOffset from, DateTimeOffset to) => (X(from), X(to));

    private void Svg(double height, string label) =>
        Line($"<svg class=\"chart\" viewBox=\"0 0 {N(Width)} {N(height)}\" width=\"100%\" role=\"img\" aria-label=\"{E(label)}\">");

    private void Patterns()
    {
        Line("<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs>");
        Line("<pattern id=\"hatch-break\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><rect class=\"hatch-bg\" width=\"6\" height=\"6\"/><line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern>");
        Line("<pattern id=\"hatch-down\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"><rect class=\"down-bg\" width=\"8\" height=\"8\"/><path class=\"down-line\" d=\"M0 0 L8 8 M8 0 L0 8\"/></pattern>");
        Line("</defs></svg>");
    }

    private void Line(string text) => _html.Append(text).Append('\n');

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    private const string Css = """

        :root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --grid: #d8dee4; --line: #8c959f;
          --break: #b3261e; --break-bg: #fde7e4; --down: #6e7781; --down-bg: #eaeef2; --pass: #0969da; --fail: #9a3412;
          --notify: #6639ba; --heat: #0969da; --row: #f6f8fa; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --grid: #30363d; --line: #6e7681;
            --break: #ff7b72; --break-bg: #4a1714; --down: #8b949e; --down-bg: #21262d; --pass: #58a6ff; --fail: #ffa657;
            --notify: #d2a8ff; --heat: #58a6ff; --row: #161b22; }
        }
        @media print {
          :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --grid: #cccccc; --break: #b3261e; --break-bg: #fde7e4;
            --down: #555555; --down-bg: #eeeeee; --pass: #0550ae; --fail: #9a3412; --notify: #6639ba; --heat: #0550ae; --row: #ffffff; }
          section { break-inside: avoid-page; }
          body { padding: 0; }
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1160px; padding: 24px; background: var(--bg); color: var(--fg);
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
        h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; }
        code { font-family: ui-monospace, "SF Mono", Menlo, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
        .muted { color: var(--muted); font-weight: normal; }
        .empty { font-size: 16px; padding: 12px 16px; border: 1px dashed var(--grid); border-radius: 6px; }
        .figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
        .figures div { border: 1px solid var(--grid); border-radius: 6px; padding: 6px 12px; min-width: 150px; }
        .figures dt { color: var(--muted); font-size: 12px; } .figures dd { margin: 0; font-size: 17px; font-weight: 600; }
        svg.chart { display: block; max-width: 100%; height: auto; overflow: visible; }
        svg.defs { position: absolute; }
        svg text { fill: var(--fg); font-size: 11px; font-family: system-ui, -apple-system, "DejaVu Sans", sans-serif; }
        .lane-name { font-family: ui-monospace, Menlo, "DejaVu Sans Mono", monospace; font-size: 11.5px; }
        .axis { fill: var(--muted); font-size: 10.5px; }
        .grid { stroke: var(--grid); stroke-width: 1; }
        .baseline { stroke: var(--line); stroke-width: 1; stroke-dasharray: 2 3; }
        .hatch-bg { fill: var(--break-bg); } .hatch-line { stroke: var(--break); stroke-width: 3; }
        .down-bg { fill: var(--down-bg); } .down-line { stroke: var(--down); stroke-width: 0.8; }
        .break { fill: url(#hatch-break); stroke: var(--break); stroke-width: 1.5; }
        .break.ongoing { stroke-dasharray: 4 2; }
        .arrow { fill: var(--break); }
        .span-label { fill: var(--fg); font-size: 11px; }
        .down { fill: url(#hatch-down); fill-opacity: 0.75; stroke: var(--down); stroke-width: 0.5; }
        .gap-label { fill: var(--muted); font-size: 10px; font-style: italic; }
        .crash { fill: var(--fg); }
        .tick line, line.tick { stroke-width: 1.5; } .tick.pass { stroke: var(--pass); } .tick.fail line { stroke: var(--fail); } .tick.fail circle { fill: var(--fail); }
        .notify { fill: var(--notify); }
        .heat { fill: var(--heat); }
        .blamed { fill: none; stroke: var(--break); stroke-width: 1.8; }
        .install { fill: var(--pass); stroke: var(--bg); stroke-width: 1; } .install.disappeared { fill: var(--break); } .install.observed { fill: none; stroke: var(--pass); stroke-width: 1.5; }
        .legend { list-style: none; padding: 0; margin: 8px 0 0; color: var(--muted); font-size: 12.5px; display: flex; flex-wrap: wrap; gap: 4px 18px; }
        .legend svg { vertical-align: middle; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--grid); }
        th { font-weight: 600; color: var(--muted); } .num { text-align: right; white-space: nowrap; }
        tbody tr:nth-child(even) { background: var(--row); }
        tr.ongoing td:first-child { border-left: 3px solid var(--break); }
        .sev { font-size: 11px; border: 1px solid currentColor; border-radius: 3px; padding: 0 4px; }
        .sev-error { color: var(--break); } .sev-warning { color: var(--fail); } .sev-info { color: var(--pass); }
        .cmd { white-space: nowrap; user-select: all; }
        footer { margin-top: 32px; font-size: 12px; }

        """;
}
