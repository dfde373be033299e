namespace GoWatch.Events.Store;

/// <summary>Reads the event log.</summary>
public interface IEventReader
{
    /// <summary>The last assigned position, 0 for an empty log.</summary>
    long LastPosition { get; }

    /// <summary>The event at <paramref name="position"/>, or null.</summary>
    EventEnvelope? Get(long position);

    /// <summary>Events matching <paramref name="query"/>.</summary>
    IReadOnlyList<EventEnvelope> Query(EventQuery query);

    /// <summary>A stream's events in version order.</summary>
    IReadOnlyList<EventEnvelope> ReadStream(string stream);

    /// <summary>A stream's current version, 0 when it does not exist.</summary>
    long StreamVersion(string stream);

    /// <summary>Names of the streams that start with <paramref name="prefix"/>.</summary>
    IReadOnlyList<string> StreamNames(string prefix);

    /// <summary>Number of events stored.</summary>
    long Count { get; }
}
