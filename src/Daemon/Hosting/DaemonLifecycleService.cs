using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Projections;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoWatch.Daemon.Hosting;

/// <summary>
/// Registered first, so it starts before and stops after every other service: the log shows
/// <c>DaemonStarted</c> before anything the daemon recorded and <c>DaemonStopped</c> after.
/// </summary>
public sealed class DaemonLifecycleService(IEventStore store, GoWatchSettings settings, TimeProvider time, ILogger<DaemonLifecycleService> log) : IHostedService
{
    public static string Version { get; } = typeof(DaemonLifecycleService).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private bool _started;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var pid = Environment.ProcessId;
        _started = true;
        // Read before this start is recorded: an open run now is one that ended without a stop.
        var previousRun = DaemonRuns.Load(store).PreviousRunForNextStart;
        store.Append(new AppendRequest(Streams.Daemon, ExpectedVersion.Any,
            [new NewEvent(new DaemonStarted(pid, Version, settings.Platform.ToString().ToLowerInvariant(), settings.HostArch, 0, previousRun), EventSources.Daemon)]));
        if (previousRun == DaemonStarted.Crashed)
        {
            log.LogWarning("The previous gowatchd run ended without a clean stop (killed or crashed); changes made meanwhile are reconciled now");
        }
        new DaemonInfo(pid, time.GetUtcNow(), settings.SocketPath, Version).Write(settings.DaemonInfoPath);
        log.LogInformation("gowatchd {Version} started (pid {Pid}), store {Store}", Version, pid, store.FilePath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            // Stopped before it started (a stop during start-up): there is no DaemonStarted to close.
            return Task.CompletedTask;
        }
        try
        {
            store.Append(new AppendRequest(Streams.Daemon, ExpectedVersion.Any,
                [new NewEvent(new DaemonStopped(Environment.ProcessId, "stopped"), EventSources.Daemon)]));
        }
        finally
        {
            File.Delete(settings.DaemonInfoPath);
        }
        log.LogInformation("gowatchd stopped");
        return Task.CompletedTask;
    }
}
