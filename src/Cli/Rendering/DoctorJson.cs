using System.Globalization;
using System.Text;
using System.Text.Json;
using GoWatch.Checks;

namespace GoWatch.Cli.Rendering;

/// <summary>
/// Writes a report in the stable <c>gowatch doctor --json</c> shape of SPEC §6, field by field,
/// so renaming a C# property can never change the wire format. Extra fields:
/// <c>skipped</c>, <c>shellStartupMs</c>, <c>durationMs</c>, and a finding's <c>explain</c>: the
/// <c>gowatch explain VAR…</c> that shows where its values come from, written only on
/// the findings that have one.
/// </summary>
public static class DoctorJson
{
    /// <summary>The schema version written in <c>schemaVersion</c>.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The report as JSON text.</summary>
    public static string Serialize(VerificationReport report, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, report);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the report as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, VerificationReport report)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SchemaVersion);
        writer.WriteString("checkedAt", report.CheckedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

        writer.WriteStartObject("host");
        writer.WriteString("platform", report.Host.Platform);
        writer.WriteString("arch", report.Host.Arch);
        WriteNullable(writer, "shell", report.Host.Shell);
        writer.WriteEndObject();

        if (report.Go is { } go)
        {
            writer.WriteStartObject("go");
            writer.WriteString("path", go.Path);
            WriteNullable(writer, "version", go.Version);
            WriteNullable(writer, "goroot", go.Goroot);
            WriteNullable(writer, "arch", go.Arch);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("go");
        }

        writer.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(writer, finding);
        }
        writer.WriteEndArray();

        writer.WriteStartArray("passed");
        foreach (var id in report.Passed)
        {
            writer.WriteStringValue(id);
        }
        writer.WriteEndArray();

        writer.WriteStartArray("skipped");
        foreach (var skipped in report.Skipped)
        {
            writer.WriteStartObject();
            writer.WriteString("id", skipped.Id);
            writer.WriteString("reason", skipped.Reason);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        if (report.ShellStartupMs is { } ms)
        {
            writer.WriteNumber("shellStartupMs", ms);
        }
        else
        {
            writer.WriteNull("shellStartupMs");
        }
        writer.WriteNumber("durationMs", report.DurationMs);
        writer.WriteEndObject();
    }

    /// <summary>Writes one finding in the SPEC §6 shape (also used for <c>status --json</c>).</summary>
    public static void WriteFinding(Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("id", finding.Id);
        writer.WriteString("severity", finding.Severity.ToWireName());
        writer.WriteString("title", finding.Title);
        writer.WriteString("detail", finding.Detail);
        writer.WriteStartArray("evidence");
        foreach (var evidence in finding.Evidence)
        {
            writer.WriteStartObject();
            WriteNullable(writer, "file", evidence.File);
            if (evidence.Line is { } line)
            {
                writer.WriteNumber("line", line);
            }
            else
            {
                writer.WriteNull("line");
            }
            WriteNullable(writer, "text", evidence.Text);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("fix", finding.Fix);
        // Only where provenance is the story, so every other finding keeps exactly the SPEC §6 fields.
        if (DoctorRenderer.ExplainCommandFor(finding) is { } explain)
        {
            writer.WriteString("explain", explain);
        }
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
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
