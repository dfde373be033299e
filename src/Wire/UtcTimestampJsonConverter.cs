using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoWatch.Wire;

/// <summary>
/// A time as the event JSON writes it: UTC, round-trip format with all seven fraction digits
/// (<c>2026-03-01T12:00:00.0000000Z</c>). The serializer's own form trims the fraction and keeps
/// the offset, which would change what scripts reading <c>status --json</c> see.
/// </summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
    }
}
