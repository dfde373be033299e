namespace GoWatch.Events.Store;

/// <summary>Appends to the event log. An append returns only once it is durable.</summary>
public interface IEventWriter
{
    /// <exception cref="WrongExpectedVersionException">the stream moved on; nothing was written.</exception>
    AppendResult Append(AppendRequest request);

    /// <summary>Several streams in one durable transaction: all or nothing.</summary>
    IReadOnlyList<AppendResult> AppendMany(IReadOnlyList<AppendRequest> requests);
}
