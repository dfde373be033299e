namespace GoWatch.Events.Store;

/// <summary>The whole store as one open handle: log and blobs behind the store lock.</summary>
public interface IEventStore : IEventReader, IEventWriter, IBlobStore, IDisposable
{
    string FilePath { get; }

    /// <summary>Bytes the store takes on disk, all its files together.</summary>
    long SizeBytes { get; }

    /// <summary>
    /// Raised after every durable append, in position order, once the write lock is released:
    /// a handler may read or append. The appender's own batch has been delivered when Append returns,
    /// unless the append was made from inside a handler.
    /// </summary>
    event Action<IReadOnlyList<EventEnvelope>>? Appended;
}
