namespace GoWatch.Events.Store;

/// <summary>The whole store as one open handle: log and blobs behind the store lock.</summary>
public interface IEventStore : IEventReader, IEventWriter, IBlobStore, IDisposable
{
    string FilePath { get; }

    /// <summary>Raised after every durable append, in position order.</summary>
    event Action<IReadOnlyList<EventEnvelope>>? Appended;
}
