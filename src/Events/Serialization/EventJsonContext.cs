using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GoWatch.Events.Model;

namespace GoWatch.Events.Serialization;

/// <summary>
/// Compile-time JSON metadata for every payload type. No reflection at run time keeps the
/// daemon publishable as a native (AOT) binary and spares each process the serializer's warm-up.
/// A payload type missing here fails its round-trip test, not a user's store.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WatchError))]
[JsonSerializable(typeof(DaemonStarted))]
[JsonSerializable(typeof(DaemonStopped))]
[JsonSerializable(typeof(FileObserved))]
[JsonSerializable(typeof(FileCreated))]
[JsonSerializable(typeof(FileChanged))]
[JsonSerializable(typeof(FileDeleted))]
[JsonSerializable(typeof(FileUnreadable))]
[JsonSerializable(typeof(FileReverted))]
[JsonSerializable(typeof(InstallationObserved))]
[JsonSerializable(typeof(InstallationChanged))]
[JsonSerializable(typeof(ProjectWatched))]
[JsonSerializable(typeof(ProjectUnwatched))]
[JsonSerializable(typeof(VerificationCompleted))]
[JsonSerializable(typeof(DriftDetected))]
[JsonSerializable(typeof(DriftResolved))]
[JsonSerializable(typeof(NotificationSent))]
[JsonSerializable(typeof(List<FindingRecord>))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
public sealed partial class EventJsonContext : JsonSerializerContext;
