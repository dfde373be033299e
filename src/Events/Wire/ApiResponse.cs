using System.Text.Json;

namespace GoWatch.Events.Wire;

/// <summary>The reply line: <c>ok</c> with a result, or an error message meant for a person.</summary>
public sealed record ApiResponse(bool Ok, JsonElement? Result, string? Error);
