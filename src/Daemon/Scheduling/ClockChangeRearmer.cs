using System.Diagnostics;
using GoWatch.Daemon.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz.Impl.Triggers;
using Quartz;

namespace GoWatch.Daemon.Scheduling;

/// <summary>
/// Keeps the periodic triggers on time when the wall clock is set back. Quartz computes fire
/// times on the wall clock, so a clock moved back an hour would hold every scheduled reconcile
/// and verification for an extra hour. Each tick compares wall time with monotonic time; when
/// the wall clock went back, every repeating trigger is re-armed to fire as long after the new
/// "now" as it was due after the old one. (A clock moved forward, or a sleep, only makes a
/// trigger due early, which the misfire policy and the wake detector already handle.)
/// </summary>
public sealed class ClockChangeRearmer(ISchedulerFactory schedulers, TimeProvider time, ILogger<ClockChangeRearmer> log) : IHostedService, IDisposable
{
    /// <summary>How often the clocks are compared.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A backward step smaller than this is clock adjustment noise, not a change.</summary>
    public TimeSpan Threshold { get; init; } = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ITimer? _timer;
    private DateTimeOffset _lastWall;
    private long _lastMonotonic;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lastWall = time.GetUtcNow();
        _lastMonotonic = Stopwatch.GetTimestamp();
        _timer = time.CreateTimer(_ => TickAsync().Forget(), null, Period, Period);
        return Task.CompletedTask;
    }

    private async Task TickAsync()
    {
        if (!await _gate.WaitAsync(0).ConfigureAwait(false))
        {
            return;
        }
        try
        {
            var wall = time.GetUtcNow();
            var monotonic = Stopwatch.GetTimestamp();
            var jump = (wall - _lastWall) - Stopwatch.GetElapsedTime(_lastMonotonic, monotonic);
            _lastWall = wall;
            _lastMonotonic = monotonic;
            if (jump < -Threshold)
            {
                await RearmAsync(jump, wall).ConfigureAwait(false);
            }
        }
        catch (SchedulerException ex)
        {
            log.LogWarning("Could not re-arm the schedule after a clock change: {Error}", ex.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RearmAsync(TimeSpan jump, DateTimeOffset now)
    {
        var scheduler = await schedulers.GetScheduler().ConfigureAwait(false);
        var rearmed = 0;
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup()).ConfigureAwait(false))
        {
            if (await scheduler.GetTrigger(key).ConfigureAwait(false) is not ISimpleTrigger { RepeatCount: SimpleTriggerImpl.RepeatIndefinitely } trigger
                || trigger.NextFireTimeUtc is not { } next)
            {
                continue;
            }
            // Due as long after the new "now" as it was after the old one, never in the past.
            var due = next + jump;
            var rebuilt = trigger.GetTriggerBuilder().StartAt(due > now ? due : now).Build();
            await scheduler.RescheduleJob(key, rebuilt).ConfigureAwait(false);
            rearmed++;
        }
        log.LogWarning("The wall clock went back {Minutes:0.#} min: re-armed {Count} scheduled trigger(s) so they keep their interval", -jump.TotalMinutes, rearmed);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _gate.Dispose();
    }
}
