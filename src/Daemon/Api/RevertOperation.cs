using GoWatch.Events;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using GoWatch.Recording;
using GoWatch.Recording.Catalogue;
using GoWatch.Recording.Revert;
using GoWatch.Wire;
using Microsoft.Extensions.Logging;

namespace GoWatch.Daemon.Api;

/// <summary>
/// <c>revert</c> on the local API: while the daemon holds the store, it is the one that writes the
/// file and appends <c>FileReverted</c>, under the recorder's decision lock so that its own
/// watcher sees the restored content as already recorded.
/// </summary>
public sealed class RevertOperation(IEventStore store, CatalogueSource catalogue, FileRecorder recorder, GoWatchSettings settings, ILogger<RevertOperation> log) : IApiOperation
{
    public string Op => ApiRequest.Ops.Revert;

    public Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var revert = request.ArgsAs(RevertJsonContext.Default.RevertRequest);
        if (revert is null)
        {
            throw new ApiOperationException("revert needs its arguments (a position).", "usage");
        }

        // The catalogue the daemon watches with right now: it is rebuilt as projects come and go.
        var reverter = new FileReverter(store, catalogue.Current, settings.ContentCapBytes, EventSources.Daemon);
        var result = recorder.Exclusive(() => reverter.Revert(revert));
        if (result.Status == RevertStatus.Reverted)
        {
            log.LogInformation("Reverted {Path} to before position {Position}; recorded at {Recorded}", result.Plan!.Path, revert.Position, result.RecordedPosition);
        }
        else if (RevertResult.CodeOf(result.Status) is { } code)
        {
            log.LogInformation("Revert of position {Position} not done ({Code})", revert.Position, code);
            throw new ApiOperationException(result.Message, code);
        }
        return Task.FromResult(ApiResponse.Success(result, RevertJsonContext.Default.RevertResult));
    }
}
