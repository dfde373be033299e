using GoWatch.Recording.Catalogue;
using Microsoft.Extensions.Logging;

namespace GoWatch.Recording;

/// <summary>
/// Compares every watched path and installation with its last recorded state and records the
/// differences: at start-up (what changed while the daemon was down), after a watcher failure,
/// and on a schedule (whatever a watcher missed).
/// </summary>
public sealed class Reconciler(Func<WatchCatalogue> catalogue, FileRecorder files, InstallationRecorder? installations, ILogger<Reconciler> log)
{
    private readonly object _gate = new();

    public Reconciler(WatchCatalogue catalogue, FileRecorder files, ILogger<Reconciler> log)
        : this(() => catalogue, files, null, log)
    {
    }

    /// <summary>Returns how many events were recorded.</summary>
    public int ReconcileAll(string reason)
    {
        lock (_gate)
        {
            var recorded = 0;
            var current = catalogue();
            var paths = current.CurrentPaths().Concat(files.KnownPaths()).Distinct(StringComparer.Ordinal).ToList();
            foreach (var path in paths)
            {
                recorded += Try(path, () => files.Record(path) is not null);
            }
            foreach (var glob in current.Targets.Where(t => t.Pattern is not null && Directory.Exists(t.Directory)))
            {
                files.MarkScanned(glob.Directory);
            }
            var installs = installations?.Paths() ?? [];
            foreach (var path in installs)
            {
                recorded += Try(path, () => installations!.Record(path) is not null);
            }
            log.LogInformation("Reconciled {Count} paths and {Installs} installations ({Reason}): {Recorded} changes recorded", paths.Count, installs.Count(), reason, recorded);
            return recorded;
        }
    }

    private int Try(string path, Func<bool> record)
    {
        try
        {
            return record() ? 1 : 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Reconciling {Path} failed", path);
            return 0;
        }
    }
}
