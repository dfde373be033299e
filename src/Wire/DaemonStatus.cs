using System.Text.Json.Serialization;

namespace GoWatch.Wire;

/// <summary>The <c>daemon</c> object of the status: whether gowatchd runs, its pid and since when.</summary>
public sealed record DaemonStatus(
    bool Running,
    int? Pid,
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTimeOffset? Since)
{
    public static DaemonStatus NotRunning { get; } = new(false, null, null);

    /// <summary>How the newest recorded run ended; only said while the daemon is down, and absent when it never ran.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DaemonRunEnd? LastRun { get; init; }
}
