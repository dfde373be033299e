using System.Text.Json;
using GoWatch.Cli.Commands;
using GoWatch.Cli.Tests.Report.Support;
using GoWatch.Cli.Tests.Support;
using GoWatch.Platform.Service;

namespace GoWatch.Cli.Tests.Report;

/// <summary><c>gowatch report</c> over a real store: where the page goes, what <c>--json</c> says, bad input.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    private JsonElement Json(params string[] args)
    {
        var result = _s.Run(["report", "--json", .. args]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    [Fact]
    public void Without_output_the_page_is_written_into_the_data_dir_and_its_path_printed()
    {
        new BreakStory(_s).Record();

        var result = _s.Run("report");

        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(_s.Settings.DataDir, "report.html");
        Assert.Equal(path, result.Stdout.Trim());
        Assert.StartsWith("<!doctype html>", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_s.Settings.DataDir, ".report.html*"));
    }

    [Fact]
    public void Output_names_the_file_and_tilde_means_home()
    {
        new BreakStory(_s).Record();

        var result = _s.Run("report", "-o", "~/week.html");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(_s.HomePath("week.html"), result.Stdout.Trim());
        Assert.Contains("path.broken", File.ReadAllText(_s.HomePath("week.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_gives_every_break_with_the_change_blamed_and_its_repair_time()
    {
        var story = new BreakStory(_s).Record();

        var json = Json();

        var breaks = json.GetProperty("breaks").EnumerateArray().ToArray();
        Assert.Equal(["path.broken", "go.arch-mismatch", "goroot.mismatch"], breaks.Select(b => b.GetProperty("checkId").GetString()));
        var path = breaks[0];
        Assert.Equal(story.PathBreakingEdit, path.GetProperty("causedBy").GetProperty("position").GetInt64());
        Assert.Equal(_s.Zshrc, path.GetProperty("causedBy").GetProperty("path").GetString());
        Assert.Equal($"gowatch diff {story.PathBreakingEdit}", path.GetProperty("causedBy").GetProperty("command").GetString());
        Assert.Equal((long)(story.PathFixedAt - story.PathBrokeAt).TotalSeconds, path.GetProperty("repairSeconds").GetInt64(), tolerance: 5);
        var arch = breaks[1];
        Assert.Equal(BreakStory.Install, arch.GetProperty("causedBy").GetProperty("path").GetString());
        Assert.Equal($"gowatch show {story.InstallChange}", arch.GetProperty("causedBy").GetProperty("command").GetString());
        var goroot = breaks[2];
        Assert.True(goroot.GetProperty("ongoing").GetBoolean());
        Assert.Equal(JsonValueKind.Null, goroot.GetProperty("fixedAt").ValueKind);
        Assert.Equal(story.GoEnvEdit, goroot.GetProperty("causedBy").GetProperty("position").GetInt64());
        Assert.Equal(2, json.GetProperty("totals").GetProperty("notifications").GetInt32());
        Assert.Equal(1, json.GetProperty("totals").GetProperty("crashes").GetInt32());
    }

    [Fact]
    public void Json_shows_the_clean_stop_and_the_crash_as_downtime()
    {
        var story = new BreakStory(_s).Record();

        var gaps = Json().GetProperty("downtime").EnumerateArray().ToArray();

        Assert.Equal(2, gaps.Length);
        Assert.Equal((false, "SIGTERM"), (gaps[0].GetProperty("crash").GetBoolean(), gaps[0].GetProperty("reason").GetString()));
        Assert.Equal(story.StoppedAt, gaps[0].GetProperty("from").GetDateTimeOffset());
        Assert.Equal(story.RestartedAt, gaps[0].GetProperty("to").GetDateTimeOffset());
        Assert.True(gaps[1].GetProperty("crash").GetBoolean());
        Assert.Equal(story.LastBeforeCrash, gaps[1].GetProperty("from").GetDateTimeOffset());
        Assert.Equal(story.CrashRestartAt, gaps[1].GetProperty("to").GetDateTimeOffset());
    }

    [Fact]
    public void A_break_that_began_before_the_window_is_shown_with_its_whole_repair_time()
    {
        var story = new BreakStory(_s).Record();
        // The window opens during the arch break: its detection lies before, its repair inside.
        var since = (_s.Clock.GetUtcNow() - story.ArchBrokeAt - TimeSpan.FromHours(2)).TotalHours;

        var breaks = Json("--since", $"{(int)since}h").GetProperty("breaks").EnumerateArray().ToArray();

        Assert.Equal(["go.arch-mismatch", "goroot.mismatch"], breaks.Select(b => b.GetProperty("checkId").GetString()));
        Assert.Equal(story.ArchBrokeAt, breaks[0].GetProperty("brokeAt").GetDateTimeOffset().AddSeconds(-2), TimeSpan.FromSeconds(5));
        Assert.Equal((long)(story.ArchFixedAt - story.ArchBrokeAt).TotalSeconds, breaks[0].GetProperty("repairSeconds").GetInt64(), tolerance: 5);
        Assert.Equal(story.InstallChange, breaks[0].GetProperty("causedBy").GetProperty("position").GetInt64());
    }

    [Fact]
    public void Since_takes_a_date_as_history_does()
    {
        var story = new BreakStory(_s).Record();

        var breaks = Json("--since", story.GorootBrokeAt.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ")).GetProperty("breaks");

        Assert.Equal("goroot.mismatch", Assert.Single(breaks.EnumerateArray()).GetProperty("checkId").GetString());
    }

    [Theory]
    [InlineData("yesterday", "neither an age")]
    [InlineData("-3d", "neither an age")]
    [InlineData("2099-01-01", "not in the past")]
    public void A_bad_since_is_one_line_and_exit_2(string since, string says)
    {
        var result = _s.Run("report", "--since", since);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(says, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quiet_month_says_no_check_failed_in_the_last_30_days()
    {
        _s.Edit(_s.Zshrc, "export PATH=\"$HOME/go/bin:$PATH\"\n");

        var result = _s.Run("report", "-o", _s.HomePath("quiet.html"));

        Assert.Equal(0, result.ExitCode);
        var page = File.ReadAllText(_s.HomePath("quiet.html"));
        Assert.Contains("No check failed in the last 30 days.", page, StringComparison.Ordinal);
        Assert.Contains("~/.zshrc", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<g class=\"span\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"breaks\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_store_still_gives_a_page()
    {
        var result = _s.Run("report", "--since", "7d", "-o", _s.HomePath("empty.html"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No check failed in the last 7 days.", File.ReadAllText(_s.HomePath("empty.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_has_no_script_and_loads_nothing_from_the_network()
    {
        new BreakStory(_s).Record();
        _s.Run("report", "-o", _s.HomePath("r.html"));

        var page = File.ReadAllText(_s.HomePath("r.html"));

        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", page);
        Assert.DoesNotMatch(@"url\((?!#)", page);
        Assert.Contains("prefers-color-scheme: dark", page, StringComparison.Ordinal);
        Assert.Contains("@media print", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_in_recorded_text_are_masked_unless_asked_for()
    {
        _s.Given(r => r.Append("daemon", new GoWatch.Events.Model.NotificationSent("notify-send", "GoWatch: proxy.insecure",
            $"after GOPROXY=https://builder:{SecretCorpus.UrlPassword}@proxy.example.com and GITHUB_TOKEN={SecretCorpus.GitHubToken}", ["proxy.insecure"], true, null)));

        _s.Run("report", "-o", _s.HomePath("masked.html"));
        _s.Run("report", "-o", _s.HomePath("shown.html"), "--show-secrets");
        var json = _s.Run("report", "--json").Stdout;

        var masked = File.ReadAllText(_s.HomePath("masked.html"));
        Assert.Contains("GoWatch: proxy.insecure", masked, StringComparison.Ordinal);
        foreach (var secret in new[] { SecretCorpus.UrlPassword, SecretCorpus.GitHubToken })
        {
            Assert.DoesNotContain(secret, masked, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
            Assert.Contains(secret, File.ReadAllText(_s.HomePath("shown.html")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Writing_over_a_directory_is_refused_in_one_line()
    {
        new BreakStory(_s).Record();
        Directory.CreateDirectory(_s.HomePath("out"));

        var result = _s.Run("report", "-o", _s.HomePath("out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("it is a directory", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Open_hands_the_page_to_xdg_open_as_one_argument()
    {
        using var shims = new ShimDirectory().Add("xdg-open");
        new BreakStory(_s).Record();
        var target = _s.HomePath("dir with 'quotes' $(x)/report.html");

        var result = _s.Run(c => ReportCommand.Create(c, new ToolLocator([shims.BinDir])), "report", "-o", target, "--open");

        Assert.Equal(0, result.ExitCode);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (shims.Calls().Count == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
        var call = Assert.Single(shims.Calls());
        Assert.Equal("xdg-open", call.Tool);
        Assert.Equal([target], call.Arguments);
    }

    [Fact]
    public void Open_without_xdg_open_says_so_and_keeps_the_page()
    {
        using var shims = new ShimDirectory();
        new BreakStory(_s).Record();

        var result = _s.Run(c => ReportCommand.Create(c, new ToolLocator([shims.BinDir])), "report", "--open");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("'xdg-open' is not on PATH", result.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_s.Settings.DataDir, "report.html")));
    }
}
