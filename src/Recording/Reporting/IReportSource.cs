using GoWatch.Events;
using GoWatch.Events.Store;

namespace GoWatch.Recording.Reporting;

/// <summary>Where <see cref="ReportReader"/> reads a window's events: the store itself, or the daemon's socket.</summary>
public interface IReportSource
{
    IReadOnlyList<EventEnvelope> Query(EventQuery query);

    EventEnvelope? Get(long position);

    /// <summary>
    /// A source to read another part of the window at the same time: this one when it serves
    /// concurrent readers (a store), a new connection through the socket, or null when there is none.
    /// One that is not this one is disposed (when disposable) once the read is done.
    /// </summary>
    IReportSource? Another();
}
