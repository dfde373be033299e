using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Serialization;

namespace GoWatch.Wire.Tests.Support;

/// <summary>Status reports with every field set, built by hand, for the wire tests.</summary>
public static class StatusReportSamples
{
    public static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly FindingRecord Finding = new("path.broken", "error", "PATH is broken", "only one entry",
        [new EvidenceRecord("/home/u/.zshrc", 12, "export PATH=$GOROOT/bin"), new EvidenceRecord(null, null, "PATH=/usr/local/go/bin")], "export PATH=\"$PATH:$GOROOT/bin\"");

    public static readonly VerificationCompleted Verification = new("change", [Finding], ["go.not-found"], 120, [new SkippedRecord("homebrew.rosetta", "not an Apple Silicon Mac")]);

    public static EventEnvelope Envelope(long position, IEvent data, Guid id)
    {
        var (type, schemaVersion) = EventTypeRegistry.NameOf(data);
        return new EventEnvelope(position, Streams.Daemon, position, type, schemaVersion, id, At.AddSeconds(position), null, null, EventSources.Daemon, data);
    }

    /// <summary>What the daemon answers while it runs.</summary>
    public static StatusReport Running(EventEnvelope lastVerification) => new(
        new DaemonStatus(true, 4242, At.AddTicks(1234567)),
        [new WatchedDirectory("/home/u", false), new WatchedDirectory("/usr/local/go", true)],
        lastVerification,
        [Finding],
        new StoreStatus("/home/u/.local/share/gowatch/events.db", 106496, 7, 7));

    /// <summary>What the CLI prints with the daemon down after a run that crashed.</summary>
    public static StatusReport DownAfterACrash() => new(
        DaemonStatus.NotRunning with { LastRun = new DaemonRunEnd(At, DaemonRunEnd.Crashed, null, At.AddMinutes(5)) },
        [],
        null,
        [],
        new StoreStatus("/data/events.db", 4096, 2, 2));
}
