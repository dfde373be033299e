using System.Text.Json.Nodes;
using GoWatch.Events;
using GoWatch.Events.Serialization;
using GoWatch.Events.Store;
using GoWatch.Events.Wire;
using GoWatch.Recording;

namespace GoWatch.Daemon.Api;

/// <summary><c>gowatch watch add|remove DIR</c> while the daemon runs; the catalogue follows the recorded event.</summary>
public sealed class WatchProjectOperation(IEventStore store) : IApiOperation
{
    public string Op => ApiRequest.Ops.Watch;

    public Task<JsonNode?> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args ?? throw new ApiOperationException("watch needs a directory");
        var directory = args.GetProperty("directory").GetString() ?? throw new ApiOperationException("watch needs a directory");
        var watched = args.GetProperty("watched").GetBoolean();
        if (!Path.IsPathFullyQualified(directory))
        {
            throw new ApiOperationException($"'{directory}' is not an absolute path");
        }
        var recorded = ProjectWatchList.Set(store, directory, watched, EventSources.Cli);
        return Task.FromResult<JsonNode?>(recorded is null ? null : EventJson.ToJson(recorded));
    }
}
