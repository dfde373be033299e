using System.Text.Json;
using System.Text.Json.Nodes;
using GoWatch.Daemon.Verification;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Serialization;
using GoWatch.Events.Wire;

namespace GoWatch.Daemon.Api;

/// <summary>Records a verification the CLI ran (<c>gowatch doctor</c>) through the same path as the daemon's own runs, notifications included.</summary>
public sealed class RecordVerificationOperation(VerificationRunner runner) : IApiOperation
{
    public string Op => ApiRequest.Ops.RecordVerification;

    public Task<JsonNode?> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var completed = request.Args?.Deserialize(EventJsonContext.Default.VerificationCompleted)
            ?? throw new ApiOperationException("record-verification needs the verification as args");
        var outcome = runner.RecordAndNotify(completed, EventSources.Cli);
        return Task.FromResult<JsonNode?>(JsonValue.Create(outcome.Completed.Position));
    }
}
