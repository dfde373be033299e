using GoWatch.Daemon.Verification;
using GoWatch.Events;
using GoWatch.Events.Serialization;
using GoWatch.Wire;

namespace GoWatch.Daemon.Api;

/// <summary>Records a verification the CLI ran (<c>gowatch doctor</c>) through the same path as the daemon's own runs, notifications included.</summary>
public sealed class RecordVerificationOperation(VerificationRunner runner) : IApiOperation
{
    public string Op => ApiRequest.Ops.RecordVerification;

    public Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The args are the event payload itself, in its stored JSON form.
        var completed = request.ArgsAs(EventJsonContext.Default.VerificationCompleted)
            ?? throw new ApiOperationException("record-verification needs the verification as args");
        var outcome = runner.RecordAndNotify(completed, EventSources.Cli);
        return Task.FromResult(ApiResponse.Success<long?>(outcome.Completed.Position, WireJsonContext.Default.NullableInt64));
    }
}
