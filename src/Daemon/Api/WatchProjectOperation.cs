using GoWatch.Events;
using GoWatch.Events.Store;
using GoWatch.Recording;
using GoWatch.Wire;

namespace GoWatch.Daemon.Api;

/// <summary><c>gowatch watch add|remove DIR</c> while the daemon runs; the catalogue follows the recorded event.</summary>
public sealed class WatchProjectOperation(IEventStore store) : IApiOperation
{
    public string Op => ApiRequest.Ops.Watch;

    public Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var args = request.ArgsAs(WireJsonContext.Default.WatchProjectArgs);
        if (args?.Directory is not { } directory)
        {
            throw new ApiOperationException("watch needs a directory");
        }
        if (!Path.IsPathFullyQualified(directory))
        {
            throw new ApiOperationException($"'{directory}' is not an absolute path");
        }
        var recorded = ProjectWatchList.Set(store, directory, args.Watched, EventSources.Cli);
        return Task.FromResult(ApiResponse.Success(recorded, WireJsonContext.Default.EventEnvelope));
    }
}
