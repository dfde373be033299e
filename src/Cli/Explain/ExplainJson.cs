using System.Text;
using System.Text.Json;
using GoWatch.Platform.Security;

namespace GoWatch.Cli.Explain;

/// <summary>
/// Writes the stable <c>gowatch explain --json</c> shape of SPEC §6 field by field, so renaming a C#
/// property cannot change it. Paths stay absolute (<c>from</c> is the short form people read);
/// values are masked. Extra fields: a source's <c>text</c>, and <c>desktop</c> saying whether the
/// desktop session was read.
/// </summary>
public static class ExplainJson
{
    /// <summary>The schema version written in <c>schemaVersion</c>.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The explanation as one line of JSON.</summary>
    public static string Serialize(IReadOnlyList<ExplainedVariable> variables, string? desktopSource, string? desktopSkipReason)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", SchemaVersion);
            writer.WriteStartObject("desktop");
            writer.WriteBoolean("read", desktopSkipReason is null);
            Nullable(writer, "source", desktopSource);
            Nullable(writer, "reason", desktopSkipReason);
            writer.WriteEndObject();
            writer.WriteStartArray("variables");
            foreach (var variable in variables)
            {
                writer.WriteStartObject();
                writer.WriteString("name", variable.Name);
                writer.WriteStartObject("terminal");
                Nullable(writer, "value", Mask(variable.Terminal.Value));
                writer.WriteString("from", variable.Terminal.From);
                writer.WriteEndObject();
                writer.WriteStartArray("goland");
                foreach (var goland in variable.GoLand)
                {
                    writer.WriteStartObject();
                    Nullable(writer, "project", goland.Project);
                    Nullable(writer, "value", Mask(goland.Value));
                    writer.WriteString("from", goland.From);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteStartArray("sources");
                foreach (var source in variable.Sources)
                {
                    writer.WriteStartObject();
                    writer.WriteString("environment", source.Environment);
                    Nullable(writer, "value", Mask(source.Value));
                    Nullable(writer, "file", source.File);
                    if (source.Line is { } line)
                    {
                        writer.WriteNumber("line", line);
                    }
                    else
                    {
                        writer.WriteNull("line");
                    }
                    writer.WriteString("note", source.Note);
                    Nullable(writer, "text", Mask(source.Text));
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string? Mask(string? value) => value is null ? null : SecretMasker.Mask(value);

    private static void Nullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
