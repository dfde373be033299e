using System.Globalization;
using GoWatch.Cli.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;

namespace GoWatch.Cli.Tests;

/// <summary>One convention: local time with its offset wherever a person reads a time; UTC in JSON.</summary>
public sealed class TimeDisplayTests : IDisposable
{
    private readonly CliScenario _s = new();

    public TimeDisplayTests() => _s.Clock.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+05:30", new TimeSpan(5, 30, 0), "UTC+05:30", "UTC+05:30"));

    public void Dispose() => _s.Dispose();

    [Fact]
    public void History_show_and_status_show_local_time_with_its_offset()
    {
        var pos = _s.Edit(_s.Zshrc, "a\n");
        _s.Given(r => r.Append(Streams.Daemon, new VerificationCompleted("startup", [], [], 1)));

        var history = _s.Run("history").Stdout;
        var show = _s.Run("show", pos.ToString(CultureInfo.InvariantCulture)).Stdout;
        var status = _s.Run("status").Stdout;

        // Stored at 12:00 UTC.
        Assert.Contains("2026-03-01 17:30:00 +05:30", history);
        Assert.Contains("2026-03-01 17:30:00 +05:30", show);
        Assert.Contains("Last verification: 2026-03-01 17:30:00 +05:30", status);
    }

    [Fact]
    public void Json_keeps_utc()
    {
        _s.Edit(_s.Zshrc, "a\n");

        var json = _s.Run("history", "--json").Stdout;

        Assert.Contains("\"time\":\"2026-03-01T12:00:00", json);
        Assert.DoesNotContain("+05:30", json);
    }

    [Fact]
    public void Since_reads_a_date_without_an_offset_as_local()
    {
        _s.Edit(_s.Zshrc, "a\n");

        // 17:00 local is 11:30 UTC, before the edit; 18:00 local is 12:30 UTC, after it.
        Assert.Contains("FileCreated", _s.Run("history", "--since", "2026-03-01T17:00").Stdout);
        Assert.DoesNotContain("FileCreated", _s.Run("history", "--since", "2026-03-01T18:00").Stdout);
    }

    [Fact]
    public void The_real_process_takes_its_zone_from_TZ()
    {
        _s.Edit(_s.Zshrc, "a\n");
        var cli = new RealCli(_s);
        cli.Environment["TZ"] = "Asia/Kolkata";

        var history = cli.Run("history");

        Assert.Contains("2026-03-01 17:30:00 +05:30", history.Stdout);
    }

    [Fact]
    public void A_watched_project_says_which_directory()
    {
        var project = _s.HomePath("code/service");
        Directory.CreateDirectory(project);

        _s.Run("watch", "add", project);
        var history = _s.Run("history").Stdout;

        Assert.Contains("ProjectWatched", history);
        Assert.Contains("watching the project ~/code/service", history);
    }
}
