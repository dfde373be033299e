using System.Text.Json;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Wire.Tests.Support;

namespace GoWatch.Wire.Tests;

/// <summary>
/// The status as SPEC §6 shapes it, pinned to the byte: what the daemon sends and what
/// <c>gowatch status --json</c> prints are this serialisation of the typed report.
/// </summary>
public sealed class StatusReportJsonTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void A_running_daemon_s_status_is_written_field_by_field_as_the_spec_shapes_it()
    {
        var id = Guid.Parse("5ab5a7b0-f141-41ff-a556-fd594eaa5a3c");
        var report = StatusReportSamples.Running(StatusReportSamples.Envelope(7, StatusReportSamples.Verification, id));

        var json = JsonSerializer.Serialize(report, WireJsonContext.Default.StatusReport);

        Assert.Equal(
            OneLine("""
            {"daemon":{"running":true,"pid":4242,"since":"2026-03-01T12:00:00.1234567Z"},
            "watching":[{"path":"/home/u","recursive":false},{"path":"/usr/local/go","recursive":true}],
            "lastVerification":{"position":7,"time":"2026-03-01T12:00:07.0000000Z","stream":"daemon","version":7,"type":"VerificationCompleted","source":"daemon",
            "data":{"trigger":"change","findings":[{"id":"path.broken","severity":"error","title":"PATH is broken","detail":"only one entry",
            "evidence":[{"file":"/home/u/.zshrc","line":12,"text":"export PATH=$GOROOT/bin"},{"file":null,"line":null,"text":"PATH=/usr/local/go/bin"}],
            "fix":"export PATH=\u0022$PATH:$GOROOT/bin\u0022"}],"passed":["go.not-found"],"durationMs":120,"skipped":[{"id":"homebrew.rosetta","reason":"not an Apple Silicon Mac"}]},
            "id":"5ab5a7b0-f141-41ff-a556-fd594eaa5a3c","schemaVersion":1,"correlationId":null,"causationId":null},
            "findings":[{"id":"path.broken","severity":"error","title":"PATH is broken","detail":"only one entry",
            "evidence":[{"file":"/home/u/.zshrc","line":12,"text":"export PATH=$GOROOT/bin"},{"file":null,"line":null,"text":"PATH=/usr/local/go/bin"}],
            "fix":"export PATH=\u0022$PATH:$GOROOT/bin\u0022"}],
            "store":{"path":"/home/u/.local/share/gowatch/events.db","sizeBytes":106496,"events":7,"lastPosition":7}}
            """),
            json);
    }

    [Fact]
    public void A_stopped_daemon_s_status_says_how_its_last_run_ended_and_nulls_what_it_does_not_know()
    {
        var json = JsonSerializer.Serialize(StatusReportSamples.DownAfterACrash(), WireJsonContext.Default.StatusReport);

        Assert.Equal(
            OneLine("""
            {"daemon":{"running":false,"pid":null,"since":null,
            "lastRun":{"started":"2026-03-01T12:00:00.0000000Z","ended":"crashed","stopped":null,"lastEvent":"2026-03-01T12:05:00.0000000Z"}},
            "watching":[],"lastVerification":null,"findings":[],"store":{"path":"/data/events.db","sizeBytes":4096,"events":2,"lastPosition":2}}
            """),
            json);
    }

    [Fact]
    public void A_daemon_that_never_ran_has_no_last_run_field_at_all()
    {
        var json = JsonSerializer.Serialize(StatusReportSamples.DownAfterACrash() with { Daemon = DaemonStatus.NotRunning }, WireJsonContext.Default.StatusReport);

        Assert.StartsWith("""{"daemon":{"running":false,"pid":null,"since":null},"watching":[]""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_from_a_real_store_the_status_names_the_newest_verification_and_the_checks_failing_now()
    {
        using (var store = LiteDbEventStore.Open(_tree.Settings.StorePath, _tree.Settings.LockPath))
        {
            Append(store, Streams.Daemon, StatusReportSamples.Verification with { Trigger = "startup" });
            Append(store, Streams.Check("path.broken"), new DriftDetected("path.broken", "error", "PATH is broken", null));
            Append(store, Streams.Check("modules.off"), new DriftDetected("modules.off", "warning", "GO111MODULE=off", null));
            Append(store, Streams.Check("modules.off"), new DriftResolved("modules.off", null));
            var newest = Append(store, Streams.Daemon, StatusReportSamples.Verification with { Trigger = "cli" });

            var report = StatusReport.Build(store, DaemonStatus.NotRunning);

            Assert.Equal(newest, report.LastVerification!.Position);
            Assert.Equal("cli", Assert.IsType<VerificationCompleted>(report.LastVerification.Data).Trigger);
            var finding = Assert.Single(report.Findings);
            Assert.Equal("path.broken", finding.Id);
            Assert.Equal("only one entry", finding.Detail);
            Assert.Equal(new StoreStatus(_tree.Settings.StorePath, store.SizeBytes, 5, newest), report.Store);
            Assert.Empty(report.Watching);
        }
    }

    /// <summary>The expected JSON is written a field group per line to be readable; the wire has it on one line.</summary>
    private static string OneLine(string json) => json.ReplaceLineEndings("");

    private static long Append(IEventStore store, string stream, IEvent data) =>
        store.Append(new AppendRequest(stream, ExpectedVersion.Any, [new NewEvent(data, EventSources.Daemon)])).Events[0].Position;
}
