using GoWatch.Recording.Catalogue;
using GoWatch.Events;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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

    /// <summary>
    /// A reconciler of its own over <paramref name="store"/>, for a process that is not the daemon
    /// (the CLI with the daemon down, before it verifies), so what changed since the last recorded
    /// state is recorded first and a finding blames the right change.
    /// </summary>
    public static Reconciler Standalone(IEventStore store, GoWatchSettings settings, string source, string? goEnvFile = null)
    {
        var catalogue = new CatalogueSource(settings, store);
        if (goEnvFile is not null)
        {
            catalogue.UseGoEnvFile(goEnvFile);
        }
        var files = new FileRecorder(store, () => catalogue.Current, settings.ContentCapBytes, NullLogger<FileRecorder>.Instance) { Source = source };
        var installations = new InstallationRecorder(store, () => catalogue.Current, NullLogger<InstallationRecorder>.Instance) { Source = source };
        return new Reconciler(() => catalogue.Current, files, installations, NullLogger<Reconciler>.Instance);
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
