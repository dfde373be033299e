using GoWatch.Events.Model;
using GoWatch.Events.Store;

namespace GoWatch.Events.Drift;

/// <summary>
/// Decides what a finished verification means, as a pure function of the state it is judged
/// against: the <c>VerificationCompleted</c> itself; <c>DriftDetected</c> (blaming a change) for a
/// check that starts failing; <c>DriftResolved</c> for one that passes again. A finding that
/// merely stays, and a check that was skipped or not asked for, record nothing. Each drift
/// append expects the check stream's version from <paramref name="state"/>, so a decision made
/// from a state that moved on is refused rather than recorded twice.
/// </summary>
public static class DriftDecider
{
    public static IReadOnlyList<AppendRequest> Decide(DriftState state, VerificationCompleted verification, ChangeIndex changes, string source)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(verification);
        ArgumentNullException.ThrowIfNull(changes);
        var completed = new NewEvent(verification, source);
        var requests = new List<AppendRequest> { new(Streams.Daemon, ExpectedVersion.Any, [completed]) };
        foreach (var finding in verification.Findings.Where(f => !state.Failing.ContainsKey(f.Id)).DistinctBy(f => f.Id))
        {
            var blamed = changes.Blame(finding.Evidence.Select(e => e.File));
            requests.Add(Transition(state, finding.Id, new DriftDetected(finding.Id, finding.Severity, finding.Title, blamed?.Position), completed, source));
        }
        foreach (var id in verification.Passed.Where(state.Failing.ContainsKey).Distinct(StringComparer.Ordinal))
        {
            requests.Add(Transition(state, id, new DriftResolved(id, changes.Newest?.Position), completed, source));
        }
        return requests;
    }

    private static AppendRequest Transition(DriftState state, string checkId, IEvent data, NewEvent cause, string source) =>
        new(Streams.Check(checkId), state.VersionOf(checkId), [new NewEvent(data, source) { CausationId = cause.Id, CorrelationId = cause.Id }]);
}
