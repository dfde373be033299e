using System.Text.Json;

namespace GoWatch.Events.Wire;

/// <summary>The reply line: <c>ok</c> with a result, or an error message meant for a person.</summary>
public sealed record ApiResponse(bool Ok, JsonElement? Result, string? Error)
{
    /// <summary>A machine-readable reason for a refusal (e.g. <c>refused</c>), so the CLI can choose its exit code.</summary>
    public string? Code { get; init; }
}
