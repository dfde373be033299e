using GoWatch.Cli.Backend;
using GoWatch.Events;
using GoWatch.Events.Store;
using GoWatch.Recording.Reporting;

namespace GoWatch.Cli.Report;

/// <summary>
/// A backend as a report source: the store this CLI holds serves every part itself; through the
/// daemon each further part gets a connection of its own, closed with this source.
/// </summary>
internal sealed class BackendReportSource(IGoWatchBackend backend, bool owned = false) : IReportSource, IDisposable
{
    public IReadOnlyList<EventEnvelope> Query(EventQuery query) => backend.Query(query);

    public EventEnvelope? Get(long position) => backend.Get(position);

    public IReportSource? Another() => backend switch
    {
        { ThroughDaemon: false } => this,
        DaemonBackend daemon => daemon.Another() is { } another ? new BackendReportSource(another, owned: true) : null,
        _ => null,
    };

    public void Dispose()
    {
        if (owned)
        {
            backend.Dispose();
        }
    }
}
