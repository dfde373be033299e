using GoWatch.Daemon.Scheduling;
using GoWatch.Daemon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace GoWatch.Daemon.Tests.Scheduling;

/// <summary>A real Quartz scheduler on a clock that the test sets back an hour, as a user changing the date would.</summary>
public sealed class ClockChangeRearmerTests
{
    private static readonly JobKey Job = new("count", "test");

    private static IHost Host(ShiftableClock clock, bool rearm)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.AddJob<RunCounter>(j => j.WithIdentity(Job));
            q.AddTrigger(t => t.ForJob(Job).WithIdentity("every", "test")
                .StartAt(clock.GetUtcNow() + TimeSpan.FromSeconds(1))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(2)).RepeatForever()));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        if (rearm)
        {
            builder.Services.AddHostedService(sp => new ClockChangeRearmer(sp.GetRequiredService<ISchedulerFactory>(), clock, NullLogger<ClockChangeRearmer>.Instance)
            {
                Period = TimeSpan.FromMilliseconds(200),
                Threshold = TimeSpan.FromSeconds(1),
            });
        }
        return builder.Build();
    }

    private static async Task<int> RunsAfterSettingTheClockBack(bool rearm)
    {
        RunCounter.Reset();
        var clock = new ShiftableClock();
        using var host = Host(clock, rearm);
        await host.StartAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (RunCounter.Runs == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            Assert.True(RunCounter.Runs > 0, "the schedule never ran");

            // When the wall clock is set back an hour
            clock.Offset = -TimeSpan.FromHours(1);
            var before = RunCounter.Runs;
            await Task.Delay(TimeSpan.FromSeconds(7));
            return RunCounter.Runs - before;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task The_schedule_keeps_its_interval_when_the_wall_clock_is_set_back_an_hour()
    {
        // Then the 2-second trigger goes on firing (about three times in seven seconds)
        var runs = await RunsAfterSettingTheClockBack(rearm: true);

        Assert.True(runs >= 2, $"{runs} run(s) in 7 s after the clock went back");
    }

    [Fact]
    public async Task Without_re_arming_a_clock_set_back_holds_the_schedule()
    {
        // The failure this guards against: Quartz alone waits out the hour.
        var runs = await RunsAfterSettingTheClockBack(rearm: false);

        Assert.True(runs <= 1, $"{runs} run(s)");
    }
}
