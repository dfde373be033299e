using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GoWatch.Events.Store;

namespace GoWatch.Wire;

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

    /// <summary>
    /// Arguments of operations that need more than the fields above, as the operation's own typed
    /// record (<see cref="WatchProjectArgs"/>, a revert request, a verification).
    /// </summary>
    public JsonElement? Args { get; init; }

    /// <summary>A request for <paramref name="op"/> carrying <paramref name="args"/> in its own JSON form.</summary>
    public static ApiRequest With<T>(string op, T args, JsonTypeInfo<T> type) =>
        new(op) { Args = JsonSerializer.SerializeToElement(args, type) };

    /// <summary>The arguments as <typeparamref name="T"/>; null when there are none or they are not an object of that shape.</summary>
    public T? ArgsAs<T>(JsonTypeInfo<T> type) where T : class =>
        Args is { ValueKind: JsonValueKind.Object } args ? args.Deserialize(type) : null;

    public static class Ops
    {
        public const string Status = "status";
        public const string Query = "query";
        public const string Get = "get";
        public const string Blob = "blob";
        public const string Follow = "follow";
        public const string RecordVerification = "record-verification";
        public const string Watch = "watch";
        public const string Revert = "revert";

        /// <summary>Fold a report window in the daemon and send back the model, not the window's events.</summary>
        public const string Report = "report";
    }
}
