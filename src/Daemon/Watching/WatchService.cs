using System.Reactive.Concurrency;
using System.Reactive.Linq;
using GoWatch.Recording;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
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
    Reconciler reconciler,
    IEventStore store,
    GoWatchSettings settings,
    ILogger<WatchService> log) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = WatchPipeline.Create(watchers.Signals, settings.Debounce, TaskPoolScheduler.Default)
            .Subscribe(Handle, ex => log.LogCritical(ex, "The watch pipeline stopped"));
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
                case WatchAction.Rescan r:
                    log.LogWarning("Rescanning: {Reason}", r.Reason);
                    if (r.AfterFailure)
                    {
                        store.Append(new AppendRequest(Streams.Daemon, ExpectedVersion.Any,
                            [new NewEvent(new WatchError(settings.Home, r.Reason, Rescanned: true), EventSources.Daemon)]));
                    }
                    watchers.Arm();
                    reconciler.ReconcileAll("rescan");
                    break;
            }
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Handling {Action} failed", action);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        watchers.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();
}
