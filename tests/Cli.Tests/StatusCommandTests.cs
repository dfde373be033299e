using System.Text.Json;
using GoWatch.Cli.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;

namespace GoWatch.Cli.Tests;

/// <summary><c>gowatch status</c> with gowatchd down: exit 3, and how its last run ended.</summary>
public sealed class StatusCommandTests : IDisposable
{
    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    private void GivenARun(bool stoppedCleanly)
    {
        _s.Given(r =>
        {
            r.Append(Streams.Daemon, new DaemonStarted(4242, "1.0.0", "linux", "arm64", 12));
            _s.Clock.Advance(TimeSpan.FromMinutes(5));
            r.Append(Streams.Daemon, new VerificationCompleted("startup", [], ["path.broken"], 100));
            _s.Clock.Advance(TimeSpan.FromMinutes(5));
            if (stoppedCleanly)
            {
                r.Append(Streams.Daemon, new DaemonStopped(4242, "stopped"));
            }
            return 0;
        });
    }

    [Fact]
    public void Status_exits_3_when_gowatchd_is_not_running_through_the_real_process()
    {
        GivenARun(stoppedCleanly: true);

        var result = new RealCli(_s).Run("status");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("gowatchd is not running", result.Stdout);
    }

    [Fact]
    public void A_run_that_ended_without_a_stop_is_reported_as_crashed_or_killed()
    {
        GivenARun(stoppedCleanly: false);

        var result = _s.Run("status");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("gowatchd is not running; its last run (started 2026-03-01 12:00:00 +00:00) ended without a clean stop (crashed or killed)", result.Stdout);
        Assert.Contains("after its last event at 2026-03-01 12:05:00 +00:00", result.Stdout);
    }

    [Fact]
    public void A_clean_stop_is_reported_as_one()
    {
        GivenARun(stoppedCleanly: true);

        var result = _s.Run("status");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("gowatchd is not running; it stopped cleanly at 2026-03-01 12:10:00 +00:00 (stopped)", result.Stdout);
        Assert.DoesNotContain("crashed", result.Stdout);
    }

    [Fact]
    public void Status_json_says_how_the_last_run_ended_and_exits_3()
    {
        GivenARun(stoppedCleanly: false);

        var result = _s.Run("status", "--json");

        Assert.Equal(3, result.ExitCode);
        var daemon = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("daemon");
        Assert.False(daemon.GetProperty("running").GetBoolean());
        Assert.Equal("crashed", daemon.GetProperty("lastRun").GetProperty("ended").GetString());
    }

    [Fact]
    public void An_old_last_verification_is_called_old()
    {
        GivenARun(stoppedCleanly: true);

        var fresh = _s.Run("status").Stdout;
        _s.Clock.Advance(TimeSpan.FromHours(3));
        var old = _s.Run("status").Stdout;

        Assert.Contains("Last verification: 2026-03-01 12:05:00 +00:00, 5 min ago", fresh);
        Assert.DoesNotContain("old:", fresh);
        Assert.Contains("3 h ago", old);
        Assert.Contains("old: gowatch doctor runs the checks now", old);
    }

    [Fact]
    public void A_store_gowatchd_never_ran_on_says_so()
    {
        _s.Edit(_s.Zshrc, "a\n");

        var result = _s.Run("status");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("gowatchd is not running; it has never run with this store", result.Stdout);
    }
}
