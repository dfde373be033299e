using System.Reactive.Concurrency;
using System.Reactive.Linq;
using GoWatch.Daemon.Hosting;
using GoWatch.Daemon.Scheduling;
using GoWatch.Events;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using GoWatch.Recording.Verification;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace GoWatch.Daemon.Verification;

/// <summary>
/// Decides when to verify and hands each run to Quartz (<see cref="VerifyJob"/>, never two at
/// once): at start-up, shortly after recorded changes settle (a burst gives one run), after the
/// machine wakes; the periodic schedule is a Quartz trigger of its own.
/// </summary>
public sealed class VerificationScheduler(
    ISchedulerFactory schedulers,
    IEventStore store,
    GoWatchSettings settings,
    TimeProvider time,
    ILogger<VerificationScheduler> log) : IHostedService, IDisposable
{
    private IDisposable? _changes;
    private SleepDetector? _sleep;
    private Quartz.IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _scheduler = await schedulers.GetScheduler(cancellationToken);
        await Trigger(Triggers.Startup);

        var changeTypes = GoWatch.Events.Drift.ChangeIndex.ChangeTypes.ToHashSet(StringComparer.Ordinal);
        _changes = Observable.FromEvent<IReadOnlyList<EventEnvelope>>(h => store.Appended += h, h => store.Appended -= h)
            .Where(batch => batch.Any(e => changeTypes.Contains(e.Type)))
            .Throttle(settings.VerifyAfterChange, TaskPoolScheduler.Default)
            .Subscribe(batch => Trigger(Triggers.Change).Forget());

        _sleep = new SleepDetector(time, TimeSpan.FromSeconds(30), slept =>
        {
            log.LogInformation("The machine slept for about {Minutes:0} min: verifying", slept.TotalMinutes);
            Trigger(Triggers.Wake).Forget();
        });
    }

    private async Task Trigger(string why)
    {
        try
        {
            await _scheduler!.TriggerJob(VerifyJob.Key, new JobDataMap { [VerifyJob.TriggerKey] = why });
        }
        catch (SchedulerException) when (_scheduler!.Status is SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown)
        {
            // Stopping: Quartz stops before this service, and a change settling now needs no run.
        }
        catch (SchedulerException ex)
        {
            log.LogError(ex, "Could not schedule a {Trigger} verification", why);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _changes?.Dispose();
        _sleep?.Dispose();
    }
}
