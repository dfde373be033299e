using System.Diagnostics;

namespace GoWatch.Daemon.Verification;

/// <summary>
/// Notices that the machine slept: the wall clock moves on during sleep, the monotonic clock
/// (what <see cref="Stopwatch"/> reads on Linux and macOS) does not. One cheap tick per
/// <c>period</c>, no busy polling.
/// </summary>
public sealed class SleepDetector : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly Action<TimeSpan> _onWake;
    private readonly ITimer _timer;
    private DateTimeOffset _lastWall;
    private long _lastMonotonic;

    public SleepDetector(TimeProvider time, TimeSpan period, Action<TimeSpan> onWake)
    {
        _time = time;
        _period = period;
        _onWake = onWake;
        _lastWall = time.GetUtcNow();
        _lastMonotonic = Stopwatch.GetTimestamp();
        _timer = time.CreateTimer(_ => Tick(), null, period, period);
    }

    private void Tick()
    {
        var wall = _time.GetUtcNow();
        var monotonic = Stopwatch.GetTimestamp();
        var slept = (wall - _lastWall) - Stopwatch.GetElapsedTime(_lastMonotonic, monotonic);
        _lastWall = wall;
        _lastMonotonic = monotonic;
        if (slept > _period)
        {
            _onWake(slept);
        }
    }

    public void Dispose() => _timer.Dispose();
}
