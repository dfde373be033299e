using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GoWatch.Wire;

/// <summary>
/// The reply line: <c>ok</c> with a result, or an error message meant for a person. The result is
/// the JSON form of the operation's typed record (see <see cref="WireJsonContext"/>), so one
/// envelope carries every operation.
/// </summary>
public sealed record ApiResponse(bool Ok, JsonElement? Result, string? Error)
{
    /// <summary>A machine-readable reason for a refusal (e.g. <c>refused</c>), so the CLI can choose its exit code.</summary>
    public string? Code { get; init; }

    /// <summary>Done; <paramref name="result"/> (which may be null: "nothing there") is the answer.</summary>
    public static ApiResponse Success<T>(T result, JsonTypeInfo<T> type) =>
        new(true, JsonSerializer.SerializeToElement(result, type), null);

    /// <summary>Done, with nothing to say (the acknowledgement of <c>follow</c>).</summary>
    public static ApiResponse Done { get; } = new(true, null, null);

    public static ApiResponse Failure(string error, string? code = null) => new(false, null, error) { Code = code };

    /// <summary>The refusal of an operation this daemon does not know: a newer CLI falls back to what it can ask instead.</summary>
    public static ApiResponse UnknownOperation(string? op) => Failure($"unknown operation '{op}'", Codes.UnknownOperation);

    /// <summary>
    /// Whether this is the refusal of an unknown operation: by its code, or by the message of a
    /// daemon from before the code existed.
    /// </summary>
    [JsonIgnore]
    public bool IsUnknownOperation =>
        !Ok && (Code == Codes.UnknownOperation || (Code is null && Error?.StartsWith("unknown operation", StringComparison.Ordinal) == true));

    public static class Codes
    {
        public const string UnknownOperation = "unknown-op";
    }

    /// <summary>The result as <typeparamref name="T"/>, or default when the result is absent or JSON null.</summary>
    public T? ResultAs<T>(JsonTypeInfo<T> type) =>
        Result is { ValueKind: not JsonValueKind.Null } result ? result.Deserialize(type) : default;
}
