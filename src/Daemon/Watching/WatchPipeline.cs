using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace GoWatch.Daemon.Watching;

/// <summary>
/// The reactive core of watching, free of I/O so it can run on a virtual-time scheduler:
/// signals for one path settle for <c>debounce</c> before that path is recorded once (an
/// editor's temp-write-rename or a burst of writes becomes one change); topology changes and
/// watcher failures settle together into one rescan.
/// </summary>
public static class WatchPipeline
{
    public static IObservable<WatchAction> Create(IObservable<WatchSignal> signals, TimeSpan debounce, IScheduler scheduler)
    {
        var shared = signals.Publish().RefCount();

        var records = KeyedDebounce.Create(shared.OfType<WatchSignal.PathTouched>(), s => s.Path, debounce, scheduler)
            .Select(s => (WatchAction)new WatchAction.RecordPath(s.Path));

        var installations = KeyedDebounce.Create(shared.OfType<WatchSignal.InstallationTouched>(), s => s.Path, debounce, scheduler)
            .Select(s => (WatchAction)new WatchAction.RecordInstallation(s.Path));

        var rescans = shared
            .Where(IsRescan)
            .Buffer(shared.Where(IsRescan).Throttle(debounce, scheduler))
            .Where(batch => batch.Count > 0)
            .Select(batch => (WatchAction)new WatchAction.Rescan(
                string.Join("; ", batch.Select(Describe).Distinct()),
                batch.Any(s => s is WatchSignal.WatcherFailed))
            {
                Lost = batch.OfType<WatchSignal.WatcherLost>().Select(l => l.Directory).Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } lost ? lost : [],
            });

        // Dropped events settle per root: a storm of drops on one stream is one re-check.
        var rechecks = KeyedDebounce.Create(shared.OfType<WatchSignal.EventsDropped>(), s => s.Root, debounce, scheduler)
            .Select(s => (WatchAction)new WatchAction.Recheck(s.Root, s.Error));

        return records.Merge(installations).Merge(rescans).Merge(rechecks);
    }

    private static bool IsRescan(WatchSignal signal) =>
        signal is WatchSignal.TopologyChanged or WatchSignal.WatcherFailed or WatchSignal.WatcherLost;

    private static string Describe(WatchSignal signal) => signal switch
    {
        WatchSignal.WatcherLost l => $"watched directory replaced: {l.Directory} ({l.Error})",
        WatchSignal.TopologyChanged t => $"directory changed: {t.Path}",
        WatchSignal.WatcherFailed f => $"watcher failed on {f.Directory}: {f.Error}",
        _ => signal.ToString(),
    };
}
