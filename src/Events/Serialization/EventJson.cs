using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GoWatch.Events.Model;

namespace GoWatch.Events.Serialization;

/// <summary>
/// The one JSON form of events: stored payloads, the daemon's wire format and
/// <c>history --json</c> all use it, so what a script sees is what is stored.
/// </summary>
public static class EventJson
{
    /// <summary>Web defaults over the generated metadata of <see cref="EventJsonContext"/>; no reflection.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
        TypeInfoResolver = EventJsonContext.Default,
    };

    public static string SerializeData(IEvent data) => data switch
    {
        UnknownEvent u => u.Data.GetRawText(),
        _ => JsonSerializer.Serialize(data, Options.GetTypeInfo(data.GetType())),
    };

    /// <summary>Reads a payload; unknown or unreadable payloads become <see cref="UnknownEvent"/>, never an exception.</summary>
    public static IEvent DeserializeData(string type, string json)
    {
        // A known type is bound straight from the text: parsing it to a document first would read
        // every payload twice, and history and report read many.
        if (EventTypeRegistry.TypeOf(type) is { } clr)
        {
            try
            {
                if (JsonSerializer.Deserialize(json, Options.GetTypeInfo(clr)) is IEvent e)
                {
                    return e;
                }
            }
            catch (JsonException)
            {
                // A payload written by another version that no longer binds: keep it readable as raw data.
            }
        }
        return new UnknownEvent(type, Raw(json));
    }

    /// <summary>The payload as a JSON value; text that is not JSON is kept as a JSON string.</summary>
    private static JsonElement Raw(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json, EventJsonContext.Default.String);
        }
    }

    /// <summary>The envelope as SPEC §6 shows it: position, time, stream, version, type, source, data (plus the rest of the envelope).</summary>
    public static JsonObject ToJson(EventEnvelope e) => new()
    {
        ["position"] = e.Position,
        ["time"] = e.Time.UtcDateTime.ToString("O"),
        ["stream"] = e.Stream,
        ["version"] = e.Version,
        ["type"] = e.Type,
        ["source"] = e.Source,
        ["data"] = JsonNode.Parse(SerializeData(e.Data)),
        ["id"] = e.Id,
        ["schemaVersion"] = e.SchemaVersion,
        ["correlationId"] = e.CorrelationId,
        ["causationId"] = e.CausationId,
    };

    public static EventEnvelope FromJson(JsonElement json)
    {
        var type = json.GetProperty("type").GetString()!;
        var data = json.TryGetProperty("data", out var d) ? d.GetRawText() : "{}";
        return new EventEnvelope(
            json.GetProperty("position").GetInt64(),
            json.GetProperty("stream").GetString()!,
            json.GetProperty("version").GetInt64(),
            type,
            json.TryGetProperty("schemaVersion", out var sv) && sv.ValueKind == JsonValueKind.Number ? sv.GetInt32() : 1,
            json.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetGuid() : Guid.Empty,
            json.GetProperty("time").GetDateTimeOffset(),
            json.TryGetProperty("correlationId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetGuid() : null,
            json.TryGetProperty("causationId", out var ca) && ca.ValueKind == JsonValueKind.String ? ca.GetGuid() : null,
            json.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "",
            DeserializeData(type, data));
    }
}
