namespace GoWatch.Daemon.Api;

/// <summary>An operation refused or failed in a way the client should report as it is (with an optional code the client can map to an exit code).</summary>
public sealed class ApiOperationException(string message, string? code = null) : Exception(message)
{
    public string? Code { get; } = code;
}
