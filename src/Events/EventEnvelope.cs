using GoWatch.Events.Model;

namespace GoWatch.Events;

/// <summary>
/// A stored event: its place in the log (<see cref="Position"/>, global and gap-free; <see cref="Version"/>,
/// per stream) and its metadata around the payload.
/// </summary>
public sealed record EventEnvelope(
    long Position,
    string Stream,
    long Version,
    string Type,
    int SchemaVersion,
    Guid Id,
    DateTimeOffset Time,
    Guid? CorrelationId,
    Guid? CausationId,
    string Source,
    IEvent Data)
{
    /// <summary>The file path for file events, else null.</summary>
    public string? Path => Data is IFileEvent f ? f.Path : null;
}
