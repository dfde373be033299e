using GoWatch.Cli.Backend;
using GoWatch.Recording.Reporting;

namespace GoWatch.Cli.Report;

/// <summary>
/// The report model through whichever backend the CLI has: the daemon folds the window next to its
/// store and sends the model; with the daemon down (or one too old to fold) the window's events are
/// read and folded here, a page at a time.
/// </summary>
public static class BackendReport
{
    public static ReportModel Read(IGoWatchBackend backend, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(backend);
        if (backend is DaemonBackend daemon && daemon.Report(window) is { } folded)
        {
            return folded;
        }
        return Paged(backend, window, ReportReader.PageSize, ReportReader.Partitions);
    }

    /// <summary>Reads the window's events through <paramref name="backend"/> and folds them here.</summary>
    internal static ReportModel Paged(IGoWatchBackend backend, ReportWindow window, int pageSize, int partitions = 1) =>
        ReportReader.Read(new BackendReportSource(backend), window, pageSize, partitions);

    /// <summary>The first position recorded at or after <paramref name="from"/>.</summary>
    internal static long FirstPositionAt(IGoWatchBackend backend, DateTimeOffset from) =>
        ReportReader.FirstPositionAt(new BackendReportSource(backend), from);
}
