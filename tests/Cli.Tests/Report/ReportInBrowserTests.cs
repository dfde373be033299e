using System.Text.RegularExpressions;
using GoWatch.Cli.Report;
using GoWatch.Cli.Tests.Report.Support;
using GoWatch.Cli.Tests.Support;
using GoWatch.Recording.Reporting;

namespace GoWatch.Cli.Tests.Report;

/// <summary>
/// The page as a person sees it: headless Chromium renders a report of a real store with known
/// breaks; the rendered DOM must show each span, its label, the change blamed and the repair
/// times, and the screenshot is kept (test output dir, <c>artifacts/</c>) to look at.
/// </summary>
public sealed partial class ReportInBrowserTests : IDisposable
{
    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    [GeneratedRegex("<g class=\"span\" data-check=\"(?<check>[^\"]+)\" data-break=\"(?<n>\\d+)\"(?: data-caused-by=\"(?<by>\\d+)\")?>")]
    private static partial Regex SpanGroup();

    [ChromiumFact]
    public void Chromium_renders_one_lane_per_failed_check_with_labelled_spans_blame_and_repair_times()
    {
        var story = new BreakStory(_s).Record();
        var page = _s.HomePath("report.html");
        Assert.Equal(0, _s.Run("report", "--since", "14d", "-o", page).ExitCode);

        var dom = Chromium.DumpDom(page);
        Chromium.Screenshot(page, Path.Combine(Artifacts, "report-example.png"));
        Chromium.Screenshot(page, Path.Combine(Artifacts, "report-example-dark.png"), dark: true);

        Assert.Contains("<title>GoWatch report — the last 14 days</title>", dom, StringComparison.Ordinal);

        // One red span per break, in its check's lane, carrying the blamed position.
        var spans = SpanGroup().Matches(dom).Select(m => (m.Groups["check"].Value, m.Groups["by"].Value)).ToList();
        Assert.Equal(
            [("path.broken", $"{story.PathBreakingEdit}"), ("go.arch-mismatch", $"{story.InstallChange}"), ("goroot.mismatch", $"{story.GoEnvEdit}")],
            spans);
        foreach (var check in new[] { "path.broken", "go.arch-mismatch", "goroot.mismatch" })
        {
            Assert.Contains($">{check}</text>", dom, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(">go.not-found</text>", dom, StringComparison.Ordinal);

        // Each span is labelled with the change blamed and the command to see it.
        var labels = Regex.Matches(dom, "<text class=\"span-label\"[^>]*>([^<]*)</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains(labels, l => l.StartsWith("#1 ~/.zshrc ", StringComparison.Ordinal) && l.EndsWith($"gowatch diff {story.PathBreakingEdit}", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("#2 /usr/local/go ", StringComparison.Ordinal) && l.EndsWith($"gowatch show {story.InstallChange}", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("#3 ~/.config/go/env ", StringComparison.Ordinal) && l.EndsWith($"gowatch diff {story.GoEnvEdit}", StringComparison.Ordinal));

        // The table gives every repair time, the ongoing one so far, and the total.
        var rows = Regex.Matches(dom, "<tr class=\"break-row[^\"]*\" data-check=\"([^\"]+)\"[^>]*>(.*?)</tr>", RegexOptions.Singleline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Contains(">2 h 30 min<", rows["path.broken"], StringComparison.Ordinal);
        Assert.Contains(">1 d 3 h<", rows["go.arch-mismatch"], StringComparison.Ordinal);
        Assert.Contains(">1 h 00 min so far<", rows["goroot.mismatch"], StringComparison.Ordinal);
        Assert.Contains("still broken", rows["goroot.mismatch"], StringComparison.Ordinal);
        Assert.Contains($"gowatch diff {story.PathBreakingEdit}", rows["path.broken"], StringComparison.Ordinal);
        Assert.Matches("id=\"total-repair\"><dt>[^<]*</dt><dd>1 d 5 h</dd>", dom);

        // Downtime is drawn, the crash named; verification runs are ticks; notifications are listed.
        Assert.Equal(2, Regex.Matches(dom, "<rect class=\"down\" data-crash=").Count);
        Assert.Single(Regex.Matches(dom, "<rect class=\"down\" data-crash=\"true\""));
        Assert.Contains("<g class=\"tick fail\">", dom, StringComparison.Ordinal);
        Assert.Contains("<line class=\"tick pass\"", dom, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(dom, "<tr class=\"notification\">").Count);
        Assert.Contains("(not delivered)", dom, StringComparison.Ordinal);

        // What keeps breaking things, and the files' heat strips.
        Assert.Contains("<tr class=\"culprit\"><td><code>~/.zshrc</code></td><td class=\"num\">1</td>", dom, StringComparison.Ordinal);
        Assert.Contains("data-path=\"~/.zshrc\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-path=\"~/.config/go/env\"", dom, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(Artifacts, "report-example.png")).Length > 20_000, "the screenshot is a blank page");
    }

    [ChromiumFact]
    public void Chromium_renders_the_empty_state_of_a_quiet_month()
    {
        _s.Edit(_s.Zshrc, "export GOPATH=\"$HOME/go\"\n");
        var page = _s.HomePath("quiet.html");
        Assert.Equal(0, _s.Run("report", "-o", page).ExitCode);

        var dom = Chromium.DumpDom(page);
        Chromium.Screenshot(page, Path.Combine(Artifacts, "report-empty.png"), height: 900);

        Assert.Contains("<p class=\"empty\">No check failed in the last 30 days.</p>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<g class=\"span\"", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sentence_for_an_empty_window_follows_since()
    {
        var from = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

        Assert.Equal("No check failed in the last 30 days", ReportText.NoFailures(new ReportWindow(from, from, ReportWindow.Describe("30d", from, TimeZoneInfo.Utc))));
        Assert.Equal("No check failed in the last hour", ReportText.NoFailures(new ReportWindow(from, from, ReportWindow.Describe("1h", from, TimeZoneInfo.Utc))));
        Assert.Equal("No check failed in the last 2 weeks", ReportText.NoFailures(new ReportWindow(from, from, ReportWindow.Describe("2 W", from, TimeZoneInfo.Utc))));
        Assert.Equal("No check failed since 2026-03-01 09:30", ReportText.NoFailures(new ReportWindow(from, from, ReportWindow.Describe("2026-03-01T09:30Z", from, TimeZoneInfo.Utc))));
    }
}
