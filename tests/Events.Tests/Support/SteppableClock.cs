namespace GoWatch.Events.Tests.Support;

/// <summary>A clock a test can set anywhere, backwards included (the system clock can be set back too).</summary>
public sealed class SteppableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
