using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Recording.Tests.Support;
using GoWatch.Recording.Verification;

namespace GoWatch.Recording.Tests;

/// <summary>Drift is a transition: recorded when a check starts or stops failing, never while it stays.</summary>
public sealed class VerificationLogTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly LiteDbEventStore _store;
    private readonly VerificationLog _log;

    public VerificationLogTests()
    {
        _store = LiteDbEventStore.Open(_tree.Settings.StorePath, _tree.Settings.LockPath);
        _log = new VerificationLog(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _tree.Dispose();
    }

    private static FindingRecord Broken(string file) =>
        new("path.broken", "error", "PATH broken", "lacks /usr/bin", [new EvidenceRecord(file, 3, "export PATH=/usr/local/go/bin")], "keep $PATH");

    private EventEnvelope Change(string path) =>
        _store.Append(new AppendRequest(Streams.File(path), ExpectedVersion.Any,
            [new NewEvent(new FileChanged(path, "a", "b", 1, 0, 10, true, "shell-startup"), EventSources.Daemon)])).Events[0];

    private VerificationOutcome Run(IReadOnlyList<FindingRecord> findings, IReadOnlyList<string> passed) =>
        _log.Record(new VerificationCompleted("schedule", findings, passed, 12), EventSources.Daemon);

    [Fact]
    public void A_check_that_starts_failing_is_detected_and_blamed_on_the_change_its_evidence_points_at()
    {
        var zshrc = _tree.HomePath(".zshrc");
        var culprit = Change(zshrc);
        Change(_tree.HomePath(".bashrc")); // newer, but not what the evidence names

        var outcome = Run([Broken(zshrc)], ["go.not-found"]);

        var detected = Assert.IsType<DriftDetected>(Assert.Single(outcome.Detected).Data);
        Assert.Equal(culprit.Position, detected.CausedBy);
        Assert.Equal("error", detected.Severity);
        Assert.Equal("check:path.broken", outcome.Detected[0].Stream);
        Assert.Equal(outcome.Completed.Id, outcome.Detected[0].CausationId);
    }

    [Fact]
    public void Without_evidence_the_latest_change_before_the_run_is_blamed()
    {
        Change(_tree.HomePath(".zshrc"));
        var latest = Change(_tree.HomePath(".bashrc"));

        var outcome = Run([Broken(null!) with { Evidence = [] }], []);

        Assert.Equal(latest.Position, ((DriftDetected)outcome.Detected[0].Data).CausedBy);
    }

    [Fact]
    public void A_finding_that_stays_records_only_the_verification()
    {
        var zshrc = _tree.HomePath(".zshrc");
        Run([Broken(zshrc)], []);
        var before = _store.Count;

        var again = Run([Broken(zshrc)], []);

        Assert.Empty(again.Detected);
        Assert.Empty(again.Resolved);
        Assert.Equal(before + 1, _store.Count);
    }

    [Fact]
    public void A_failing_check_that_passes_again_is_resolved_once()
    {
        var zshrc = _tree.HomePath(".zshrc");
        Run([Broken(zshrc)], []);
        var fix = Change(zshrc);

        var resolved = Run([], ["path.broken"]);
        var later = Run([], ["path.broken"]);

        var r = Assert.IsType<DriftResolved>(Assert.Single(resolved.Resolved).Data);
        Assert.Equal(fix.Position, r.ResolvedBy);
        Assert.Empty(later.Resolved);
        Assert.Equal([1L, 2], _store.ReadStream("check:path.broken").Select(e => e.Version));
    }

    [Fact]
    public void A_check_not_run_this_time_keeps_its_state()
    {
        Run([Broken(_tree.HomePath(".zshrc"))], []);

        var partial = Run([], ["modules.off"]);

        Assert.Empty(partial.Resolved);
        Assert.Single(_store.ReadStream("check:path.broken"));
    }
}
