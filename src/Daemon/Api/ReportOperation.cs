using GoWatch.Events.Store;
using GoWatch.Recording.Reporting;
using GoWatch.Wire;

namespace GoWatch.Daemon.Api;

/// <summary>
/// <c>gowatch report</c> while the daemon runs: the window is folded here, next to the store, a page
/// at a time as the CLI would, and only the folded model crosses the socket — not the tens of
/// thousands of events of a month, whose JSON cost more than reading them.
/// </summary>
public sealed class ReportOperation(IEventStore store) : IApiOperation
{
    public string Op => ApiRequest.Ops.Report;

    public Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var window = request.ArgsAs(ReportJsonContext.Default.ReportWindow);
        if (window?.Description is null)
        {
            throw new ApiOperationException("report needs the window (from, to, description) as args");
        }
        if (window.To < window.From)
        {
            throw new ApiOperationException($"the report window ends ({window.To:O}) before it starts ({window.From:O})");
        }
        // The connection is served off the accept loop already; the fold reads the store's pages
        // while the recorder keeps appending, as any reader does.
        var model = ReportReader.Read(new StoreReportSource(store), window);
        return Task.FromResult(ApiResponse.Success(model, ReportJsonContext.Default.ReportModel));
    }
}
