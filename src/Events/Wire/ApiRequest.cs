using GoWatch.Events.Store;

namespace GoWatch.Events.Wire;

/// <summary>
/// One request on the daemon's local socket: a single line of JSON. Line-delimited JSON keeps
/// the daemon free of an HTTP server (idle memory matters for an always-on agent).
/// </summary>
public sealed record ApiRequest(string Op)
{
    public EventQuery? Query { get; init; }
    public long? Position { get; init; }
    public string? Sha256 { get; init; }

    /// <summary>For <c>follow</c>: send events after this position, then live ones.</summary>
    public long? After { get; init; }

    /// <summary>Arguments of operations that need more than the fields above (revert, doctor, watch …).</summary>
    public System.Text.Json.JsonElement? Args { get; init; }

    public static class Ops
    {
        public const string Status = "status";
        public const string Query = "query";
        public const string Get = "get";
        public const string Blob = "blob";
        public const string Follow = "follow";
        public const string RecordVerification = "record-verification";
        public const string Watch = "watch";
    }
}
