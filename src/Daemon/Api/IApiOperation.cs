using GoWatch.Wire;

namespace GoWatch.Daemon.Api;

/// <summary>
/// One operation of the local API beyond the built-in reads. Register an implementation in
/// the container and <see cref="LocalApiServer"/> dispatches requests whose <c>op</c> matches
/// <see cref="Op"/> to it. It answers with its typed result (<see cref="ApiResponse.Success{T}"/>);
/// throw <see cref="ApiOperationException"/> for a refusal the caller should see as an error message.
/// </summary>
public interface IApiOperation
{
    string Op { get; }

    Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken);
}
