using GoWatch.Daemon.Verification;
using Microsoft.Extensions.Time.Testing;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>Wall time jumping ahead of monotonic time means the machine slept.</summary>
public sealed class SleepDetectorTests
{
    [Fact]
    public void A_wall_clock_jump_far_beyond_the_tick_is_reported_as_a_wake()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var wakes = new List<TimeSpan>();
        using var detector = new SleepDetector(time, TimeSpan.FromSeconds(30), wakes.Add);

        // Eight hours pass on the wall clock within one tick of real (monotonic) time.
        time.Advance(TimeSpan.FromHours(8));

        var slept = Assert.Single(wakes);
        Assert.True(slept > TimeSpan.FromHours(7), slept.ToString());
    }

    [Fact]
    public void Ordinary_ticks_are_not_wakes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var wakes = new List<TimeSpan>();
        using var detector = new SleepDetector(time, TimeSpan.FromSeconds(30), wakes.Add);

        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Empty(wakes);
    }
}
