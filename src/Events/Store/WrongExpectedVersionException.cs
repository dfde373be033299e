namespace GoWatch.Events.Store;

/// <summary>An append's expected version did not match the stream; nothing was written.</summary>
public sealed class WrongExpectedVersionException(string stream, long expected, long actual)
    : Exception($"Stream '{stream}' is at version {actual}, but the append expected {expected}.")
{
    public string Stream { get; } = stream;
    public long Expected { get; } = expected;
    public long Actual { get; } = actual;
}
