using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using GoWatch.Recording;
using GoWatch.Recording.Catalogue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoWatch.Daemon.Watching;

/// <summary>
/// Start-up reconciliation, then the watchers feeding <see cref="WatchPipeline"/>. The
/// watchers are armed before reconciling so nothing changed in between is missed (a change
/// seen twice is recorded once by the recorder).
/// </summary>
public sealed class WatchService(
    DirectoryWatchers watchers,
    FileRecorder recorder,
    InstallationRecorder installations,
    CatalogueSource catalogue,
    Reconciler reconciler,
    IEventStore store,
    GoWatchSettings settings,
    ILogger<WatchService> log) : IHostedService, IDisposable
{
    private readonly ISubject<WatchSignal> _internal = Subject.Synchronize(new Subject<WatchSignal>());
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = WatchPipeline.Create(watchers.Signals.Merge(_internal), settings.Debounce, TaskPoolScheduler.Default)
            .Subscribe(Handle, ex => log.LogCritical(ex, "The watch pipeline stopped"));
        // A project added or removed, or GoLand's recent projects changed: the catalogue must follow.
        store.Appended += OnAppended;
        catalogue.GoEnvFileMoved += OnGoEnvFileMoved;
        watchers.Arm();
        log.LogInformation("Watching {Count} directories", watchers.WatchedDirectories.Count);
        reconciler.ReconcileAll("startup");
        return Task.CompletedTask;
    }

    private void Handle(WatchAction action)
    {
        // Nothing may escape: an exception here would end the subscription and blind the daemon.
        try
        {
            switch (action)
            {
                case WatchAction.RecordPath r:
                    recorder.Record(r.Path);
                    break;
                case WatchAction.RecordInstallation i:
                    installations.Record(i.Path);
                    break;
                case WatchAction.Rescan r:
                    log.LogWarning("Rescanning: {Reason}", r.Reason);
                    if (r.AfterFailure)
                    {
                        store.Append(new AppendRequest(Streams.Daemon, ExpectedVersion.Any,
                            [new NewEvent(new WatchError(settings.Home, r.Reason, Rescanned: true), EventSources.Daemon)]));
                    }
                    if (catalogue.Refresh())
                    {
                        log.LogInformation("The watch catalogue changed: {Files} file targets, {Installs} installations", catalogue.Current.Targets.Count, catalogue.Current.Installations.Count);
                    }
                    foreach (var (dir, error) in watchers.Arm().Where(f => r.Lost.Contains(f.Directory, StringComparer.Ordinal)))
                    {
                        // The directory is back but cannot be watched again: changes in it go unseen until it can.
                        store.Append(new AppendRequest(Streams.Daemon, ExpectedVersion.Any,
                            [new NewEvent(new WatchError(dir, $"cannot watch it again: {error}", Rescanned: true), EventSources.Daemon)]));
                    }
                    reconciler.ReconcileAll("rescan");
                    break;
                case WatchAction.Recheck c:
                    Recheck(c);
                    break;
            }
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Handling {Action} failed", action);
        }
    }

    /// <summary>
    /// A watcher dropped events but still runs: every catalogue path and installation it
    /// covers is observed again, which records only what really changed.
    /// </summary>
    private void Recheck(WatchAction.Recheck recheck)
    {
        if (watchers.Roots.FirstOrDefault(r => r.CataloguePath == recheck.Root) is not { } root)
        {
            reconciler.ReconcileAll("rescan");
            return;
        }
        var current = catalogue.Current;
        var paths = current.CurrentPaths().Where(root.Covers).ToList();
        var installs = current.Installations.Where(root.Covers).ToList();
        log.LogInformation("Checking {Files} files and {Installs} installations under {Root} again: {Reason}", paths.Count, installs.Count, root.Path, recheck.Reason);
        foreach (var path in paths)
        {
            recorder.Record(path);
        }
        foreach (var install in installs)
        {
            installations.Record(install);
        }
    }

    private void OnAppended(IReadOnlyList<EventEnvelope> batch)
    {
        foreach (var e in batch)
        {
            var path = e.Data switch
            {
                ProjectWatched w => w.Directory,
                ProjectUnwatched u => u.Directory,
                IFileEvent f when catalogue.Current.Find(f.Path) is { RebuildsCatalogue: true } => f.Path,
                // Seen by a reconcile where no watcher looks (on macOS a root is never put on a
                // system directory, so a Homebrew or Go that appears there is first found this way):
                // the watchers must follow.
                IFileEvent f when Unwatched(f.Path) => f.Path,
                InstallationChanged c when c.After.Exists && Unwatched(c.Path) => c.Path,
                InstallationObserved o when o.Fingerprint.Exists && Unwatched(o.Path) => o.Path,
                _ => null,
            };
            if (path is not null)
            {
                // Appended runs inside the append that recorded it, possibly from within the
                // pipeline's own handler: posting the signal synchronously would re-enter the
                // pipeline while a rescan on another thread waits for the recorder — a deadlock.
                var signal = new WatchSignal.TopologyChanged(path);
                ThreadPool.QueueUserWorkItem(_ => _internal.OnNext(signal));
            }
        }
    }

    // Raised from a verification: the rescan re-arms the watchers on the moved file's directory and records it.
    private void OnGoEnvFileMoved(string path) =>
        ThreadPool.QueueUserWorkItem(_ => _internal.OnNext(new WatchSignal.TopologyChanged(path)));

    private bool Unwatched(string path) =>
        Path.GetDirectoryName(path) is { } dir && Directory.Exists(dir) && !watchers.Roots.Any(r => r.Covers(path));

    public Task StopAsync(CancellationToken cancellationToken)
    {
        store.Appended -= OnAppended;
        catalogue.GoEnvFileMoved -= OnGoEnvFileMoved;
        _subscription?.Dispose();
        watchers.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();
}
