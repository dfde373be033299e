using System.Collections.Immutable;
using GoWatch.Events.Drift;
using GoWatch.Events.Model;
using GoWatch.Events.Store;

namespace GoWatch.Events.Tests.Drift;

/// <summary>The drift decision as a pure function: state and verification in, events out. No store.</summary>
public sealed class DriftDeciderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);

    private static EventEnvelope At(long position, string stream, long version, IEvent data, DateTimeOffset? time = null) =>
        new(position, stream, version, data.GetType().Name, 1, Guid.NewGuid(), time ?? T0, null, null, EventSources.Daemon, data);

    private static FindingRecord Finding(string id, string severity = "error", string? file = null) =>
        new(id, severity, id + " title", "detail", file is null ? [] : [new EvidenceRecord(file, 3, "export PATH=$GOROOT/bin")], "fix");

    private static VerificationCompleted Run(IReadOnlyList<FindingRecord> findings, params string[] passed) => new("change", findings, passed, 12);

    [Fact]
    public void A_check_that_starts_failing_is_detected_and_blamed_on_the_newest_change_to_its_evidence_file()
    {
        var zshrcEdit = At(7, "file:/home/u/.zshrc", 2, new FileChanged("/home/u/.zshrc", "a", "b", 1, 0, 10, true, "shell-startup"));
        var laterOther = At(9, "file:/home/u/.zprofile", 1, new FileChanged("/home/u/.zprofile", "c", "d", 1, 0, 10, true, "shell-startup"));
        var changes = new ChangeIndex(ImmutableDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("/home/u/.zshrc", zshrcEdit)]), laterOther);

        var requests = DriftDecider.Decide(DriftState.Empty, Run([Finding("path.broken", file: "/home/u/.zshrc")]), changes, EventSources.Daemon);

        Assert.Equal(2, requests.Count);
        Assert.IsType<VerificationCompleted>(requests[0].Events[0].Data);
        var detected = Assert.IsType<DriftDetected>(requests[1].Events[0].Data);
        Assert.Equal(("path.broken", 7L), (detected.CheckId, detected.CausedBy!.Value));
        Assert.Equal("check:path.broken", requests[1].Stream);
        Assert.Equal(ExpectedVersion.NoStream, requests[1].ExpectedVersion);
        Assert.Equal(requests[0].Events[0].Id, requests[1].Events[0].CausationId);
    }

    [Fact]
    public void Without_evidence_the_newest_change_of_all_is_blamed_and_with_no_change_nothing_is()
    {
        var newest = At(4, "install:/usr/local/go", 2, new InstallationChanged("/usr/local/go", InstallationFingerprint.Absent, InstallationFingerprint.Absent));

        var blamed = DriftDecider.Decide(DriftState.Empty, Run([Finding("go.not-found")]), ChangeIndex.Empty with { Newest = newest }, EventSources.Cli);
        var unblamed = DriftDecider.Decide(DriftState.Empty, Run([Finding("go.not-found")]), ChangeIndex.Empty, EventSources.Cli);

        Assert.Equal(4, ((DriftDetected)blamed[1].Events[0].Data).CausedBy);
        Assert.Null(((DriftDetected)unblamed[1].Events[0].Data).CausedBy);
    }

    [Fact]
    public void A_finding_that_stays_records_only_the_verification_and_a_fixed_one_is_resolved_at_its_stream_version()
    {
        var state = DriftState.Fold([
            At(10, "check:path.broken", 1, new DriftDetected("path.broken", "error", "t", 7)),
            At(11, "check:modules.off", 1, new DriftDetected("modules.off", "error", "t", 7)),
        ]);

        var requests = DriftDecider.Decide(state, Run([Finding("path.broken")], "modules.off"), ChangeIndex.Empty, EventSources.Daemon);

        Assert.Equal(2, requests.Count);
        var resolved = Assert.IsType<DriftResolved>(requests[1].Events[0].Data);
        Assert.Equal("modules.off", resolved.CheckId);
        Assert.Equal(1, requests[1].ExpectedVersion);
    }

    [Fact]
    public void A_skipped_check_keeps_its_state()
    {
        var state = DriftState.Fold([At(10, "check:goland.goroot-missing", 1, new DriftDetected("goland.goroot-missing", "error", "t", null))]);
        var run = Run([]) with { Skipped = [new SkippedRecord("goland.goroot-missing", "GoLand is not installed")] };

        var requests = DriftDecider.Decide(state, run, ChangeIndex.Empty, EventSources.Daemon);

        Assert.Single(requests);
    }
}
