using System.Text.Json;
using System.Text.Json.Serialization;
using GoWatch.Events;
using GoWatch.Events.Serialization;

namespace GoWatch.Wire;

/// <summary>
/// An event crosses the socket in its one JSON form (<see cref="EventJson"/>, as <c>history --json</c>
/// shows it), so a typed record can hold an <see cref="EventEnvelope"/> and still write those bytes.
/// </summary>
public sealed class EventEnvelopeJsonConverter : JsonConverter<EventEnvelope>
{
    public override EventEnvelope Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return EventJson.FromJson(document.RootElement);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A missing or mistyped envelope field: malformed JSON to the caller, like any other.
            throw new JsonException($"not an event: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, EventEnvelope value, JsonSerializerOptions options) =>
        EventJson.ToJson(value).WriteTo(writer, EventJson.Options);
}
