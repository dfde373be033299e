using System.Diagnostics;
using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;

namespace GoWatch.EndToEnd.Tests.Verification;

/// <summary>The daemon notices a break within seconds, blames the change, tells the user once.</summary>
public sealed class DriftDetectionTests : IDisposable
{
    private const string Healthy = "export GOPATH=$HOME/go\nexport PATH=$PATH:$GOPATH/bin\n";
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string Zshrc => _h.HomePath(".zshrc");

    private IReadOnlyList<EventEnvelope> All() => new SocketClient(_h.SocketPath).TryQuery(new EventQuery { Ascending = true }) ?? [];

    [Fact]
    public void Breaking_PATH_in_zshrc_is_detected_within_3_seconds_blamed_on_that_change_and_notified_once_then_resolved()
    {
        var notifications = _h.RecordingShim("notify-send");
        File.WriteAllText(Zshrc, Healthy);
        using var daemon = _h.StartDaemon();
        Assert.NotNull(_h.WaitForEvent(e => e.Data is VerificationCompleted { Trigger: "startup" }, TimeSpan.FromSeconds(20)));
        Assert.DoesNotContain(All(), e => e.Data is DriftDetected { CheckId: "path.broken" });

        var clock = Stopwatch.StartNew();
        File.AppendAllText(Zshrc, "export PATH=/usr/local/go/bin\n");
        var drift = _h.WaitForEvent(e => e.Data is DriftDetected { CheckId: "path.broken" }, TimeSpan.FromSeconds(10));
        var latency = clock.Elapsed;

        Assert.NotNull(drift);
        Assert.True(latency < TimeSpan.FromSeconds(3), $"drift recorded after {latency.TotalMilliseconds:0} ms\n{daemon.Output}");
        var change = Assert.Single(All(), e => e.Data is FileChanged f && f.Path == Zshrc);
        Assert.Equal(change.Position, ((DriftDetected)drift.Data).CausedBy);

        Assert.NotNull(_h.WaitForEvent(e => e.Data is NotificationSent, TimeSpan.FromSeconds(5)));
        var call = Assert.Single(GoWatchHarness.ShimCalls(notifications));
        Assert.Equal("--app-name=GoWatch", call[0]);
        Assert.Contains(call, arg => arg.Contains("~/.zshrc", StringComparison.Ordinal) && arg.Contains($"gowatch diff {change.Position}", StringComparison.Ordinal));
        var status = System.Text.Json.JsonDocument.Parse(_h.Cli("status", "--json").Stdout).RootElement;
        var current = Assert.Single(status.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "path.broken");
        Assert.Contains(current.GetProperty("evidence").EnumerateArray(), ev => ev.GetProperty("file").GetString() == Zshrc);
        var sent = (NotificationSent)Assert.Single(All(), e => e.Data is NotificationSent).Data;
        Assert.Contains("path.broken", sent.CheckIds);
        Assert.True(sent.Delivered);

        File.WriteAllText(Zshrc, Healthy);
        var resolved = _h.WaitForEvent(e => e.Data is DriftResolved { CheckId: "path.broken" }, TimeSpan.FromSeconds(10));
        Assert.NotNull(resolved);
        Assert.Single(GoWatchHarness.ShimCalls(notifications));
        Assert.Equal("check:path.broken", resolved.Stream);
        Assert.Equal(2, resolved.Version);
        var after = System.Text.Json.JsonDocument.Parse(_h.Cli("status", "--json").Stdout).RootElement;
        Assert.DoesNotContain(after.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "path.broken");
    }

    [Fact]
    public void A_burst_of_200_edits_over_10_seconds_gives_a_verification_per_second_of_quiet_not_one_per_edit()
    {
        File.WriteAllText(Zshrc, Healthy);
        using var daemon = _h.StartDaemon();
        Assert.NotNull(_h.WaitForEvent(e => e.Data is VerificationCompleted { Trigger: "startup" }, TimeSpan.FromSeconds(20)));

        for (var i = 0; i < 200; i++)
        {
            File.WriteAllText(Zshrc, Healthy + $"# edit {i}\n");
            Thread.Sleep(50);
        }
        Assert.NotNull(_h.WaitForEvent(e => e.Data is VerificationCompleted { Trigger: "change" }, TimeSpan.FromSeconds(10)));
        Thread.Sleep(3000);

        var changeRuns = All().Count(e => e.Data is VerificationCompleted { Trigger: "change" });
        var edits = All().Where(e => e.Data is FileChanged).Select(e => e.Time).ToList();
        Assert.True(edits.Count >= 1, daemon.Output);
        // A run follows one second of quiet: on a loaded machine the recorded edits may pause that
        // long mid-burst, and each such pause may add one run; never one per edit.
        var pauses = edits.Zip(edits.Skip(1), (a, b) => b - a).Count(gap => gap >= TimeSpan.FromSeconds(0.9));
        Assert.InRange(changeRuns, 1, 2 + pauses);
        Assert.True(changeRuns <= 10, $"{changeRuns} change verifications for {edits.Count} recorded edits");
    }

    [Fact]
    public void Doctor_through_the_running_daemon_is_recorded_with_trigger_cli()
    {
        File.WriteAllText(Zshrc, Healthy);
        using var daemon = _h.StartDaemon();

        var doctor = _h.Cli("doctor", "--json");

        Assert.Equal(0, doctor.ExitCode);
        Assert.Contains("\"schemaVersion\":1", doctor.Stdout);
        Assert.NotNull(_h.WaitForEvent(e => e.Data is VerificationCompleted { Trigger: "cli" } && e.Source == "cli", TimeSpan.FromSeconds(5)));
    }
}
