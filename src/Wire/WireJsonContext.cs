using System.Text.Json;
using System.Text.Json.Serialization;
using GoWatch.Events;

namespace GoWatch.Wire;

/// <summary>
/// Compile-time JSON metadata of everything that crosses the daemon's socket, with the options of
/// the event JSON (web names, nulls written). No reflection: gowatch and gowatchd are native (AOT)
/// binaries. Events inside these records keep their one JSON form (<see cref="EventEnvelopeJsonConverter"/>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never, Converters = [typeof(EventEnvelopeJsonConverter)])]
[JsonSerializable(typeof(ApiRequest))]
[JsonSerializable(typeof(ApiResponse))]
[JsonSerializable(typeof(StatusReport))]
[JsonSerializable(typeof(WatchProjectArgs))]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(IReadOnlyList<EventEnvelope>))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(string))]
public sealed partial class WireJsonContext : JsonSerializerContext;
