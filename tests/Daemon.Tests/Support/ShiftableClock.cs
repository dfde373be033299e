namespace GoWatch.Daemon.Tests.Support;

/// <summary>The real clock, with a wall time that can be set back or forward as a user changing the date would; timers and the monotonic clock stay real.</summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
