using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoWatch.Recording.Revert;

/// <summary>Compile-time JSON metadata of the revert operation on the local API (same options as the event JSON).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RevertRequest))]
[JsonSerializable(typeof(RevertResult))]
public sealed partial class RevertJsonContext : JsonSerializerContext;
