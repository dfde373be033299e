using GoWatch.Checks;
using GoWatch.Events;
using GoWatch.Events.Drift;
using GoWatch.Events.Model;
using GoWatch.Events.Store;

namespace GoWatch.Recording.Verification;

/// <summary>
/// Records a verification and the drift it implies, in one atomic append: loads the drift
/// state and the changes the findings may blame, lets <see cref="DriftDecider"/> decide, and
/// appends with the versions of the state that decided. The daemon and the CLI (daemon down)
/// both record through here.
/// </summary>
public sealed class VerificationLog(IEventStore store)
{
    private readonly object _gate = new();

    public VerificationOutcome Record(VerificationReport report, string trigger, string source) =>
        Record(ToCompleted(report, trigger), source);

    public VerificationOutcome Record(VerificationCompleted completed, string source)
    {
        lock (_gate)
        {
            // Another writer of a check stream (a second CLI before this one took the lock cannot, but
            // an older daemon could) makes the decision stale: decide again on the new state, once.
            for (var attempt = 0; ; attempt++)
            {
                var state = DriftState.Load(store);
                var changes = ChangeIndex.Load(store, completed.Findings.SelectMany(f => f.Evidence.Select(e => e.File)));
                var requests = DriftDecider.Decide(state, completed, changes, source);
                try
                {
                    var stored = store.AppendMany(requests).SelectMany(r => r.Events).ToList();
                    return new VerificationOutcome(
                        stored[0],
                        stored.Where(e => e.Data is DriftDetected).ToList(),
                        stored.Where(e => e.Data is DriftResolved).ToList());
                }
                catch (WrongExpectedVersionException) when (attempt == 0)
                {
                }
            }
        }
    }

    public static VerificationCompleted ToCompleted(VerificationReport report, string trigger) => new(
        trigger,
        report.Findings.Select(ToRecord).ToList(),
        report.Passed,
        report.DurationMs,
        report.Skipped.Select(s => new SkippedRecord(s.Id, s.Reason)).ToList());

    public static FindingRecord ToRecord(Finding f) => new(
        f.Id,
        f.Severity.ToWireName(),
        f.Title,
        f.Detail,
        f.Evidence.Select(e => new EvidenceRecord(e.File, e.Line, e.Text)).ToList(),
        f.Fix);
}
