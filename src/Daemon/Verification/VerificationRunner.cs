using GoWatch.Checks;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Projections;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using GoWatch.Recording;
using GoWatch.Recording.Catalogue;
using GoWatch.Recording.Verification;
using Microsoft.Extensions.Logging;

namespace GoWatch.Daemon.Verification;

/// <summary>
/// Runs the checks, records the run and its drift, and notifies — one run at a time, whatever
/// triggered it (schedule, change, start-up, wake) or when the CLI hands in its own run.
/// </summary>
public sealed class VerificationRunner(
    Verifier verifier,
    VerificationLog verificationLog,
    DriftNotifier notifier,
    IEventStore store,
    Reconciler reconciler,
    GoWatchSettings settings,
    CatalogueSource catalogue,
    ILogger<VerificationRunner> log)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<VerificationOutcome> RunAsync(string trigger, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var projects = WatchedProjects.Load(store).Directories.ToList();
            var report = await verifier.RunAsync(settings, new VerificationRequest { ProjectDirectories = projects }, cancellationToken);
            var outcome = verificationLog.Record(report, trigger, EventSources.Daemon);
            // The shell may have moved Go's env file (GOENV=…): watch the one Go reads.
            if (report.GoEnvFile is { } envFile && catalogue.UseGoEnvFile(envFile))
            {
                log.LogInformation("Go reads its env file at {File}: watching it", envFile);
            }
            log.LogInformation(
                "Verification ({Trigger}) found {Findings} finding(s) in {Duration} ms: {Detected} new, {Resolved} resolved",
                trigger, report.Findings.Count, report.DurationMs, outcome.Detected.Count, outcome.Resolved.Count);
            await notifier.NotifyAsync(outcome.Detected, cancellationToken);
            return outcome;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>A verification run elsewhere (the CLI's <c>doctor</c>), recorded and notified like our own.</summary>
    public VerificationOutcome RecordAndNotify(VerificationCompleted completed, string source)
    {
        _oneAtATime.Wait();
        try
        {
            // A change still inside the watcher's debounce would be missed by the blame: record it first.
            reconciler.ReconcileAll("doctor");
            var outcome = verificationLog.Record(completed, source);
            notifier.NotifyAsync(outcome.Detected, CancellationToken.None).GetAwaiter().GetResult();
            return outcome;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
