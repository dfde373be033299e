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

    [Fact]
    public void Status_json_keeps_the_shape_of_the_spec_field_by_field()
    {
        GivenARun(stoppedCleanly: true);
        var drift = _s.Given(r => r.Append(Streams.Check("path.broken"), new DriftDetected("path.broken", "error", "PATH is broken", null)));
        _s.Given(r => r.Append(Streams.Daemon, new VerificationCompleted("cli",
            [new FindingRecord("path.broken", "error", "PATH is broken", "only one entry", [new EvidenceRecord("/home/u/.zshrc", 12, "export PATH=$GOROOT/bin")], "export PATH=\"$PATH:$GOROOT/bin\"")], [], 90)));

        var result = _s.Run("status", "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Single(result.Stdout.TrimEnd('\n').Split('\n'));
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        AssertFields(root, ("daemon", JsonValueKind.Object), ("watching", JsonValueKind.Array), ("lastVerification", JsonValueKind.Object), ("findings", JsonValueKind.Array), ("store", JsonValueKind.Object));

        var daemon = root.GetProperty("daemon");
        AssertFields(daemon, ("running", JsonValueKind.False), ("pid", JsonValueKind.Null), ("since", JsonValueKind.Null), ("lastRun", JsonValueKind.Object));
        var lastRun = daemon.GetProperty("lastRun");
        AssertFields(lastRun, ("started", JsonValueKind.String), ("ended", JsonValueKind.String), ("stopped", JsonValueKind.String), ("lastEvent", JsonValueKind.String));
        Assert.Equal("2026-03-01T12:00:00.0000000Z", lastRun.GetProperty("started").GetString());
        Assert.Equal("stopped", lastRun.GetProperty("ended").GetString());
        Assert.Equal("2026-03-01T12:10:00.0000000Z", lastRun.GetProperty("stopped").GetString());

        Assert.Equal(0, root.GetProperty("watching").GetArrayLength());

        var last = root.GetProperty("lastVerification");
        AssertFields(last, ("position", JsonValueKind.Number), ("time", JsonValueKind.String), ("stream", JsonValueKind.String), ("version", JsonValueKind.Number),
            ("type", JsonValueKind.String), ("source", JsonValueKind.String), ("data", JsonValueKind.Object), ("id", JsonValueKind.String),
            ("schemaVersion", JsonValueKind.Number), ("correlationId", JsonValueKind.Null), ("causationId", JsonValueKind.Null));
        Assert.Equal(drift + 1, last.GetProperty("position").GetInt64());
        Assert.Equal("2026-03-01T12:10:00.0000000Z", last.GetProperty("time").GetString());
        Assert.Equal("VerificationCompleted", last.GetProperty("type").GetString());
        Assert.Equal("cli", last.GetProperty("data").GetProperty("trigger").GetString());

        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        AssertFields(finding, ("id", JsonValueKind.String), ("severity", JsonValueKind.String), ("title", JsonValueKind.String), ("detail", JsonValueKind.String),
            ("evidence", JsonValueKind.Array), ("fix", JsonValueKind.String));
        Assert.Equal("path.broken", finding.GetProperty("id").GetString());
        Assert.Equal("only one entry", finding.GetProperty("detail").GetString());
        AssertFields(Assert.Single(finding.GetProperty("evidence").EnumerateArray()), ("file", JsonValueKind.String), ("line", JsonValueKind.Number), ("text", JsonValueKind.String));

        var store = root.GetProperty("store");
        AssertFields(store, ("path", JsonValueKind.String), ("sizeBytes", JsonValueKind.Number), ("events", JsonValueKind.Number), ("lastPosition", JsonValueKind.Number));
        Assert.Equal(_s.Settings.StorePath, store.GetProperty("path").GetString());
        Assert.Equal(5, store.GetProperty("events").GetInt64());
        Assert.Equal(drift + 1, store.GetProperty("lastPosition").GetInt64());
        Assert.True(store.GetProperty("sizeBytes").GetInt64() > 0);
    }

    [Fact]
    public void Status_json_times_are_utc_with_seven_fraction_digits_as_in_history()
    {
        GivenARun(stoppedCleanly: false);

        var status = JsonDocument.Parse(_s.Run("status", "--json").Stdout).RootElement;
        var history = JsonDocument.Parse(_s.Run("history", "--json", "--type", "VerificationCompleted").Stdout).RootElement;

        Assert.Equal(history[0].GetProperty("time").GetString(), status.GetProperty("lastVerification").GetProperty("time").GetString());
        Assert.Equal("2026-03-01T12:00:00.0000000Z", status.GetProperty("daemon").GetProperty("lastRun").GetProperty("started").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("daemon").GetProperty("lastRun").GetProperty("stopped").ValueKind);
    }

    /// <summary>The object has exactly these fields, in this order, of these kinds.</summary>
    private static void AssertFields(JsonElement element, params (string Name, JsonValueKind Kind)[] fields) =>
        Assert.Equal(fields, element.EnumerateObject().Select(p => (p.Name, p.Value.ValueKind)).ToArray());
}
