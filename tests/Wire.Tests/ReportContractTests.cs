using System.Text.Json;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Serialization;
using GoWatch.Recording.Reporting;

namespace GoWatch.Wire.Tests;

/// <summary>
/// The report the daemon folds crosses the socket as its model: the window asked for and the model
/// sent back survive their JSON unchanged, and a month of verification runs is sent as at most one
/// summary per timeline column, not one per run.
/// </summary>
public sealed class ReportContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReportWindow Window = new(T0, T0.AddDays(30), "the last 30 days");
    private long _position;

    private EventEnvelope At(double days, string stream, IEvent data)
    {
        var (type, version) = EventTypeRegistry.NameOf(data);
        return new(++_position, stream, 1, type, version, Guid.NewGuid(), T0.AddDays(days).AddTicks(1234567), null, null, EventSources.Daemon, data);
    }

    /// <summary>A month with every kind of thing a page shows: breaks blamed and open, a stop and a crash, runs, notifications, installations.</summary>
    private ReportModel Month()
    {
        var edit = At(1, Streams.File("/home/u/.zshrc"), new FileChanged("/home/u/.zshrc", "a", "b", 1, 0, 10, true, "shell"));
        var install = At(2, Streams.Install("/usr/local/go"), new InstallationChanged("/usr/local/go",
            new InstallationFingerprint(true, "dir", null, "go1.22.5", "arm64", "x"), new InstallationFingerprint(true, "dir", null, "go1.23.0", "amd64", "y")));
        var events = new List<EventEnvelope>
        {
            At(0.5, Streams.Daemon, new DaemonStarted(1, "1", "linux", "amd64", 3)),
            edit,
            At(1.01, "check:path.broken", new DriftDetected("path.broken", "error", "PATH is broken", edit.Position)),
            At(1.02, Streams.Daemon, new NotificationSent("desktop", "PATH is broken", "after ~/.zshrc changed", ["path.broken"], true, null)),
            install,
            At(2.01, "check:go.arch-mismatch", new DriftDetected("go.arch-mismatch", "error", "Go runs under Rosetta", install.Position)),
            At(3, "check:path.broken", new DriftResolved("path.broken", null)),
            At(4, Streams.Daemon, new DaemonStopped(1, "signal")),
            At(5, Streams.Daemon, new DaemonStarted(2, "1", "linux", "amd64", 3)),
            At(6, Streams.Daemon, new DaemonStarted(3, "1", "linux", "amd64", 3)),
            At(7, Streams.Daemon, new DaemonStopped(3, "service stop")),
        };
        for (var i = 0; i < 30; i++)
        {
            events.Add(At(i + 0.5, Streams.Daemon, new VerificationCompleted("schedule", i % 7 == 0 ? [Finding()] : [], [], 10)));
        }
        return ReportModel.Fold(Window, [], events.OrderBy(e => e.Position));
    }

    private static FindingRecord Finding() => new("path.broken", "error", "PATH is broken", "only one entry", [], null);

    [Fact]
    public void The_window_asked_for_survives_its_json()
    {
        var window = new ReportWindow(new DateTimeOffset(2026, 3, 1, 13, 0, 0, 1, TimeSpan.FromHours(1)).AddTicks(7), T0.AddDays(30).AddTicks(3), "since 2026-03-01 13:00");
        var request = ApiRequest.With(ApiRequest.Ops.Report, window, ReportJsonContext.Default.ReportWindow);

        var line = JsonSerializer.Serialize(request, WireJsonContext.Default.ApiRequest);
        var read = JsonSerializer.Deserialize(line, WireJsonContext.Default.ApiRequest)!.ArgsAs(ReportJsonContext.Default.ReportWindow);

        Assert.Equal("report", JsonSerializer.Deserialize(line, WireJsonContext.Default.ApiRequest)!.Op);
        Assert.Equal(window, read);
        Assert.Equal(window.From.Offset, read!.From.Offset);
    }

    [Fact]
    public void The_folded_model_survives_the_reply_line_with_everything_the_page_reads()
    {
        var model = Month();
        Assert.Equal(2, model.Breaks.Count);
        Assert.Equal(3, model.Downtime.Count);

        var line = JsonSerializer.Serialize(ApiResponse.Success(model, ReportJsonContext.Default.ReportModel), WireJsonContext.Default.ApiResponse);
        var read = JsonSerializer.Deserialize(line, WireJsonContext.Default.ApiResponse)!.ResultAs(ReportJsonContext.Default.ReportModel)!;

        Assert.DoesNotContain('\n', line);
        Assert.Equal(JsonSerializer.Serialize(model, ReportJsonContext.Default.ReportModel), JsonSerializer.Serialize(read, ReportJsonContext.Default.ReportModel));
        Assert.Equal(model.Window, read.Window);
        Assert.Equal(model.Breaks, read.Breaks);
        Assert.Equal(model.Breaks.Select(b => b.Blame!.Command), read.Breaks.Select(b => b.Blame!.Command));
        Assert.Equal(model.Downtime, read.Downtime);
        Assert.Equal(model.DaemonRunning, read.DaemonRunning);
        Assert.Equal(model.StoppedAt, read.StoppedAt);
        Assert.Equal(model.Verifications, read.Verifications);
        Assert.Equal((30, 5), (read.VerificationRuns, read.VerificationRunsWithErrors));
        Assert.Equal(model.Installations, read.Installations);
        Assert.Equal(model.Notifications.Select(n => (n.Position, n.Time, n.Title, n.Message, n.Channel, n.Delivered, string.Join(",", n.CheckIds))),
            read.Notifications.Select(n => (n.Position, n.Time, n.Title, n.Message, n.Channel, n.Delivered, string.Join(",", n.CheckIds))));
        var zshrc = read.Files["/home/u/.zshrc"];
        Assert.Equal((model.Files["/home/u/.zshrc"].Changes, model.Files["/home/u/.zshrc"].Last), (zshrc.Changes, zshrc.Last));
        Assert.Equal(model.Files["/home/u/.zshrc"].PerSlice.ToArray(), zshrc.PerSlice.ToArray());
        Assert.Equal(model.EventsRead, read.EventsRead);
        Assert.Equal(model.Culprits, read.Culprits);
        Assert.Equal(model.TotalRepairTime, read.TotalRepairTime);
    }

    [Fact]
    public void Tens_of_thousands_of_verification_runs_cross_as_one_summary_per_timeline_column()
    {
        var runs = Enumerable.Range(0, 40_000)
            .Select(i => At(i * 30.0 / 40_000, Streams.Daemon, new VerificationCompleted("schedule", i == 12_345 ? [Finding(), Finding()] : [], [], 10)))
            .ToList();

        var model = ReportModel.Fold(Window, [], runs);
        var json = JsonSerializer.Serialize(model, ReportJsonContext.Default.ReportModel);

        Assert.Equal(40_000, model.VerificationRuns);
        Assert.Equal(1, model.VerificationRunsWithErrors);
        Assert.InRange(model.Verifications.Count, 800, (int)ReportWindow.TimelineWidth + 1);
        Assert.Equal(runs[12_345].Time, Assert.Single(model.Verifications, v => v.WorstErrors == 2).WorstTime);
        Assert.True(json.Length < 150_000, $"{json.Length} bytes for 40,000 runs");
    }

    [Fact]
    public void A_daemon_that_predates_an_operation_is_told_apart_from_one_that_refuses_it()
    {
        var old = JsonSerializer.Deserialize("""{"ok":false,"result":null,"error":"unknown operation 'report'"}""", WireJsonContext.Default.ApiResponse)!;
        var coded = JsonSerializer.Deserialize(JsonSerializer.Serialize(ApiResponse.UnknownOperation("report"), WireJsonContext.Default.ApiResponse), WireJsonContext.Default.ApiResponse)!;
        var refused = ApiResponse.Failure("report needs the window (from, to, description) as args");

        Assert.True(old.IsUnknownOperation);
        Assert.True(coded.IsUnknownOperation);
        Assert.Equal("unknown-op", coded.Code);
        Assert.False(refused.IsUnknownOperation);
        Assert.False(ApiResponse.Done.IsUnknownOperation);
    }
}
