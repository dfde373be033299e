using System.Text.Json;
using GoWatch.Cli.Tests.Support;
using GoWatch.Events.Model;

namespace GoWatch.Cli.Tests;

/// <summary><c>gowatch history</c>: filters compose; <c>--since</c> takes an age or a date.</summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    private void GivenTenDaysOfEdits()
    {
        _s.Given(r =>
        {
            r.Edit(_s.Zshrc, "old\n");                      // day 0
            _s.Clock.Advance(TimeSpan.FromDays(9));
            r.Edit(_s.HomePath(".bashrc"), "recent\n");      // day 9
            _s.Clock.Advance(TimeSpan.FromHours(20));
            r.Edit(_s.Zshrc, "new\n");                      // day 9 + 20 h
            r.Append("daemon", new DaemonStarted(1, "1", "linux", "arm64", 0));
            _s.Clock.Advance(TimeSpan.FromHours(1));
            return 0;
        });
    }

    private JsonElement[] Json(params string[] args) =>
        JsonDocument.Parse(_s.Run(["history", "--json", .. args]).Stdout).RootElement.EnumerateArray().ToArray();

    [Fact]
    public void Since_takes_a_relative_age()
    {
        GivenTenDaysOfEdits();

        Assert.Equal(2, Json("--since", "2h").Length);
        Assert.Equal(3, Json("--since", "7d").Length);
        Assert.Equal(4, Json("--since", "2w").Length);
    }

    [Fact]
    public void Since_takes_an_absolute_date()
    {
        GivenTenDaysOfEdits();

        Assert.Equal(3, Json("--since", "2026-03-05").Length);
        Assert.Equal(2, Json("--since", "2026-03-11T07:30:00Z").Length);
    }

    [Fact]
    public void Filters_compose()
    {
        GivenTenDaysOfEdits();

        var events = Json("--since", "7d", "--path", "~/.zshrc", "--type", "FileChanged");

        var only = Assert.Single(events);
        Assert.Equal(_s.Zshrc, only.GetProperty("data").GetProperty("path").GetString());
        Assert.Empty(Json("--since", "2h", "--path", "~/.bashrc"));
        Assert.Single(Json("--limit", "1"));
    }

    [Fact]
    public void At_an_80_column_terminal_the_table_fits_and_names_the_offset_once()
    {
        GivenTenDaysOfEdits();
        var cli = new RealCli(_s);
        cli.Environment["TZ"] = "Asia/Kolkata";
        cli.Environment["COLUMNS"] = "80";

        var result = cli.AtTerminal(["history"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains(lines, l => l.Contains("Time (+05:30)", StringComparison.Ordinal) && l.Contains("What", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("2026-03-11 13:30:00", StringComparison.Ordinal) && l.Contains("FileChanged", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(System.Text.RegularExpressions.Regex.Replace(l, "\x1b\\[[0-9;?]*[A-Za-z]|\x1b[=>]", "").Length <= 80, l));
    }

    [Fact]
    public void The_table_is_newest_first_with_time_position_type_and_what_using_tilde_for_home()
    {
        GivenTenDaysOfEdits();

        var table = _s.Run("history").Stdout;

        Assert.Contains("~/.zshrc", table);
        Assert.DoesNotContain(_s.Home, table);
        Assert.True(table.IndexOf("DaemonStarted", StringComparison.Ordinal) < table.IndexOf("FileCreated", StringComparison.Ordinal));
        Assert.Contains("2026-03-", table);
    }
}
