using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Recording.Reporting;

namespace GoWatch.Cli.Tests.Report;

/// <summary>The report is a fold over the window's events: spans, blame, downtime, changes per file.</summary>
public sealed class ReportModelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReportWindow Window = new(T0, T0.AddDays(30), "the last 30 days");
    private long _position;

    private EventEnvelope At(double days, string stream, IEvent data, string? type = null) =>
        new(++_position, stream, 1, type ?? data.GetType().Name, 1, Guid.NewGuid(), T0.AddDays(days), null, null, EventSources.Daemon, data);

    private EventEnvelope Edit(double days, string path) =>
        At(days, Streams.File(path), new FileChanged(path, "a", "b", 1, 0, 10, true, "shell"));

    [Fact]
    public void A_break_spans_from_DriftDetected_to_DriftResolved_and_names_the_change_blamed()
    {
        var edit = Edit(1, "/home/u/.zshrc");
        var events = new[]
        {
            edit,
            At(1.01, "check:path.broken", new DriftDetected("path.broken", "error", "PATH is broken", edit.Position)),
            At(1.5, "check:path.broken", new DriftResolved("path.broken", null)),
        };

        var model = ReportModel.Fold(Window, [], events);

        var span = Assert.Single(model.Breaks);
        Assert.Equal(("path.broken", T0.AddDays(1.01), T0.AddDays(1.5)), (span.CheckId, span.BrokeAt, span.FixedAt!.Value));
        Assert.Equal(TimeSpan.FromDays(0.49), span.RepairTime(Window.To));
        Assert.Equal("/home/u/.zshrc", span.Blame!.Subject);
        Assert.Equal($"gowatch diff {edit.Position}", span.Blame.Command);
        Assert.Empty(model.Unresolved);
        Assert.Equal(["path.broken"], model.FailedChecks);
    }

    [Fact]
    public void A_check_failing_since_before_the_window_counts_its_repair_from_the_detection_before_it()
    {
        var before = At(-3, "check:modules.off", new DriftDetected("modules.off", "error", "GO111MODULE=off", null));
        var resolved = At(2, "check:modules.off", new DriftResolved("modules.off", null));

        var model = ReportModel.Fold(Window, [before], [resolved]);

        var span = Assert.Single(model.Breaks);
        Assert.Equal(T0.AddDays(-3), span.BrokeAt);
        Assert.Equal(TimeSpan.FromDays(5), span.RepairTime(Window.To));
        Assert.Equal(1, model.EventsRead);
    }

    [Fact]
    public void A_break_still_open_lasts_until_the_end_of_the_window_and_is_not_in_the_repaired_total()
    {
        var events = new[]
        {
            At(1, "check:go.not-found", new DriftDetected("go.not-found", "error", "no go", null)),
            At(2, "check:go.not-found", new DriftResolved("go.not-found", null)),
            At(29, "check:go.not-found", new DriftDetected("go.not-found", "error", "no go", null)),
            At(29.5, "check:go.not-found", new DriftDetected("go.not-found", "error", "no go", null)),
        };

        var model = ReportModel.Fold(Window, [], events);

        Assert.Equal(2, model.Breaks.Count);
        Assert.True(model.Breaks[1].Ongoing);
        Assert.Equal(T0.AddDays(29), model.Breaks[1].BrokeAt);
        Assert.Equal(TimeSpan.FromDays(1), model.Breaks[1].RepairTime(Window.To));
        Assert.Equal(TimeSpan.FromDays(1), model.TotalRepairTime);
    }

    [Fact]
    public void A_start_after_a_stop_is_downtime_and_a_start_after_a_start_is_a_crash_from_the_last_event_before_it()
    {
        var events = new[]
        {
            At(1, "daemon", new DaemonStarted(1, "1", "macos", "arm64", 3)),
            At(2, "daemon", new DaemonStopped(1, "SIGTERM")),
            At(2.5, "daemon", new DaemonStarted(2, "1", "macos", "arm64", 3)),
            Edit(4, "/home/u/.zshrc"),
            At(4.25, "daemon", new DaemonStarted(3, "1", "macos", "arm64", 3)),
            At(10, "daemon", new DaemonStopped(3, "logout")),
        };

        var model = ReportModel.Fold(Window, [], events);

        Assert.Collection(model.Downtime,
            stop => Assert.Equal((T0.AddDays(2), T0.AddDays(2.5), false, "SIGTERM"), (stop.From!.Value, stop.To!.Value, stop.Crash, stop.Reason)),
            crash => Assert.Equal((T0.AddDays(4), T0.AddDays(4.25), true), (crash.From!.Value, crash.To!.Value, crash.Crash)),
            now => Assert.True(now.Ongoing && now.From == T0.AddDays(10) && !now.Crash));
    }

    [Fact]
    public void A_crash_at_the_start_of_the_window_is_known_from_the_start_before_it_and_dated_by_the_event_before_it()
    {
        var earlier = At(-2, "daemon", new DaemonStarted(1, "1", "linux", "amd64", 3));
        _position = 41;
        var restart = At(3, "daemon", new DaemonStarted(2, "1", "linux", "amd64", 3));

        var model = ReportModel.Fold(Window, [earlier], [restart]);

        var gap = Assert.Single(model.Downtime);
        Assert.True(gap.Crash);
        Assert.Null(gap.From);
        Assert.Equal([41L], model.Unresolved);
        var resolved = model.Resolve([new EventEnvelope(41, "daemon", 9, "VerificationCompleted", 1, Guid.NewGuid(), T0.AddDays(2.75), null, null, "daemon", new VerificationCompleted("schedule", [], [], 1))]);
        Assert.Equal(T0.AddDays(2.75), Assert.Single(resolved.Downtime).From);
    }

    [Fact]
    public void A_change_blamed_from_before_the_window_is_looked_up_afterwards()
    {
        var detected = At(5, "check:goroot.mismatch", new DriftDetected("goroot.mismatch", "error", "GOROOT missing", 7));

        var model = ReportModel.Fold(Window, [], [detected]);

        Assert.Equal([7L], model.Unresolved);
        var old = new EventEnvelope(7, "install:/usr/local/go", 2, "InstallationChanged", 1, Guid.NewGuid(), T0.AddDays(-40), null, null, "daemon",
            new InstallationChanged("/usr/local/go", null, new InstallationFingerprint(false, null, null, null, null, null)));
        var blame = Assert.Single(model.Resolve([old]).Breaks).Blame!;
        Assert.Equal(("/usr/local/go", "gowatch show 7"), (blame.Subject, blame.Command));
    }

    [Fact]
    public void Changes_per_file_fall_into_slices_of_the_window_and_baselines_are_not_changes()
    {
        var events = new[]
        {
            Edit(0.1, "/home/u/.zshrc"),
            Edit(0.2, "/home/u/.zshrc"),
            Edit(29.9, "/home/u/.zshrc"),
            Edit(15, "/home/u/.bashrc"),
            At(16, Streams.File("/home/u/.profile"), new FileUnreadable("/home/u/.profile", "permission denied", "shell")),
        };

        var model = ReportModel.Fold(Window, [], events);

        var zshrc = model.Files["/home/u/.zshrc"];
        Assert.Equal(3, zshrc.Changes);
        Assert.Equal(2, zshrc.PerSlice[0]);
        Assert.Equal(1, zshrc.PerSlice[ReportModel.Slices - 1]);
        Assert.Equal(1, model.Files["/home/u/.bashrc"].PerSlice[ReportModel.Slices / 2]);
        Assert.False(model.Files.ContainsKey("/home/u/.profile"));
    }

    [Fact]
    public void Installations_appear_disappear_and_change_with_their_versions()
    {
        InstallationFingerprint Go(string version, bool exists = true) => new(exists, "directory", null, version, "arm64", null);
        var events = new[]
        {
            At(1, "install:/opt/homebrew/opt/go", new InstallationChanged("/opt/homebrew/opt/go", null, Go("go1.23.0"))),
            At(2, "install:/opt/homebrew/opt/go", new InstallationChanged("/opt/homebrew/opt/go", Go("go1.23.0"), Go("go1.23.1"))),
            At(3, "install:/opt/homebrew/opt/go", new InstallationChanged("/opt/homebrew/opt/go", Go("go1.23.1"), Go("", exists: false))),
        };

        var model = ReportModel.Fold(Window, [], events);

        Assert.Equal([InstallationChange.Appeared, InstallationChange.Changed, InstallationChange.Disappeared], model.Installations.Select(i => i.Change));
        Assert.Equal(("go1.23.0", "go1.23.1"), (model.Installations[1].VersionBefore, model.Installations[1].VersionAfter));
    }

    [Fact]
    public void Parts_of_a_window_gathered_apart_join_into_the_report_of_the_whole_window()
    {
        var edit = Edit(1, "/home/u/.zshrc");
        var events = new[]
        {
            At(0.5, "daemon", new DaemonStarted(1, "1", "linux", "amd64", 3)),
            edit,
            Edit(2, "/home/u/.zshrc"),
            At(2.1, "daemon", new VerificationCompleted("schedule", [], [], 1)),
            // The second part: a restart with no stop (a crash right after the verification, the
            // last event of the first part), then a break blamed on a change the first part read.
            At(3, "daemon", new DaemonStarted(2, "1", "linux", "amd64", 3)),
            At(3.5, "check:path.broken", new DriftDetected("path.broken", "error", "PATH is broken", edit.Position)),
            Edit(20, "/home/u/.zshrc"),
            At(21, "check:path.broken", new DriftResolved("path.broken", null)),
        };
        var first = new ReportPart(Window);
        var second = new ReportPart(Window);
        foreach (var (e, i) in events.Select((e, i) => (e, i)))
        {
            (i < 4 ? first : second).Add(e);
        }

        var whole = ReportModel.Fold(Window, [], events);
        var joined = ReportModel.Join(Window, ReportModel.Start(Window, []), [first, second]);

        Assert.Equal(events.Length, joined.EventsRead);
        Assert.Equal(T0.AddDays(2.1), Assert.Single(joined.Downtime).From);
        Assert.Equal(whole.Downtime, joined.Downtime);
        Assert.Equal(whole.Verifications, joined.Verifications);
        Assert.Equal((3, T0.AddDays(20)), (joined.Files["/home/u/.zshrc"].Changes, joined.Files["/home/u/.zshrc"].Last));
        Assert.Equal(whole.Files["/home/u/.zshrc"].PerSlice.ToArray(), joined.Files["/home/u/.zshrc"].PerSlice.ToArray());
        // The change blamed is no longer the newest of its stream by then: either way it is looked up by position afterwards.
        Assert.Equal([edit.Position], joined.Unresolved);
        Assert.Equal(whole.Unresolved, joined.Unresolved);
        Assert.Equal(whole.Resolve([edit]).Breaks, joined.Resolve([edit]).Breaks);
        Assert.Equal("/home/u/.zshrc", Assert.Single(joined.Resolve([edit]).Breaks).Blame!.Subject);
    }
}
