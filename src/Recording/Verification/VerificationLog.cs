using GoWatch.Checks;
using GoWatch.Checks.Reporting;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Projections;
using GoWatch.Events.Store;

namespace GoWatch.Recording.Verification;

/// <summary>
/// Records a verification and the transitions it implies, in one atomic append: a check that
/// goes from passing to failing gets <c>DriftDetected</c> (blaming a change), one that passes
/// again gets <c>DriftResolved</c>, and one that merely stays as it was gets nothing. Checks
/// that were skipped or not asked for keep their state.
/// </summary>
public sealed class VerificationLog(IEventStore store)
{
    private readonly object _gate = new();

    public VerificationOutcome Record(VerificationReport report, string trigger, string source) =>
        Record(new VerificationCompleted(trigger, report.Findings.Select(ToRecord).ToList(), report.Passed, report.DurationMs), source);

    public VerificationOutcome Record(VerificationCompleted completed, string source)
    {
        lock (_gate)
        {
            var states = CheckStates.Load(store);
            var verification = new NewEvent(completed, source);

            var requests = new List<AppendRequest> { new(Streams.Daemon, ExpectedVersion.Any, [verification]) };
            foreach (var finding in completed.Findings.Where(f => !states.Failing.ContainsKey(f.Id)))
            {
                var blamed = Blame.Find(store, finding.Evidence.Select(e => e.File));
                var detected = new DriftDetected(finding.Id, finding.Severity, finding.Title, blamed?.Position);
                requests.Add(Transition(finding.Id, detected, verification, source));
            }
            foreach (var id in completed.Passed.Where(states.Failing.ContainsKey))
            {
                var resolvedBy = Blame.Find(store, []);
                requests.Add(Transition(id, new DriftResolved(id, resolvedBy?.Position), verification, source));
            }

            var results = store.AppendMany(requests);
            var stored = results.SelectMany(r => r.Events).ToList();
            return new VerificationOutcome(
                stored[0],
                stored.Where(e => e.Data is DriftDetected).ToList(),
                stored.Where(e => e.Data is DriftResolved).ToList());
        }
    }

    private AppendRequest Transition(string checkId, IEvent data, NewEvent verification, string source)
    {
        var stream = Streams.Check(checkId);
        return new AppendRequest(stream, store.StreamVersion(stream), [new NewEvent(data, source) { CausationId = verification.Id, CorrelationId = verification.Id }]);
    }

    public static FindingRecord ToRecord(Finding f) => new(
        f.Id,
        f.Severity.ToWireName(),
        f.Title,
        f.Detail,
        f.Evidence.Select(e => new EvidenceRecord(e.File, e.Line, e.Text)).ToList(),
        f.Fix);
}
