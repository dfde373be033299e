using GoWatch.Recording.Catalogue;
using Microsoft.Extensions.Logging;

namespace GoWatch.Recording;

/// <summary>
/// Compares every watched path with its last recorded state and records the differences:
/// at start-up (what changed while the daemon was down), after a watcher failure, and on a
/// schedule (whatever a watcher missed).
/// </summary>
public sealed class Reconciler(WatchCatalogue catalogue, FileRecorder recorder, ILogger<Reconciler> log)
{
    private readonly object _gate = new();

    /// <summary>Returns how many events were recorded.</summary>
    public int ReconcileAll(string reason, Guid? correlationId = null)
    {
        lock (_gate)
        {
            var recorded = 0;
            var paths = catalogue.CurrentPaths().Concat(recorder.KnownPaths()).Distinct(StringComparer.Ordinal).ToList();
            foreach (var path in paths)
            {
                try
                {
                    if (recorder.Record(path, correlationId) is not null)
                    {
                        recorded++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Reconciling {Path} failed", path);
                }
            }
            log.LogInformation("Reconciled {Count} paths ({Reason}): {Recorded} changes recorded", paths.Count, reason, recorded);
            return recorded;
        }
    }
}
