using GoWatch.Events;
using GoWatch.Events.Store;

namespace GoWatch.Recording.Reporting;

/// <summary>An open store as a report source: it serves concurrent readers, so every part reads from it.</summary>
public sealed class StoreReportSource(IEventReader store) : IReportSource
{
    public IReadOnlyList<EventEnvelope> Query(EventQuery query) => store.Query(query);

    public EventEnvelope? Get(long position) => store.Get(position);

    public IReportSource? Another() => this;
}
