using System.Text;
using System.Text.Json;
using GoWatch.Checks;
using GoWatch.Checks.Toolchain;
using GoWatch.Platform.Security;

namespace GoWatch.Cli.Explain;

/// <summary>
/// Writes the stable <c>gowatch explain --json</c> shape of SPEC §6 field by field, so renaming a C#
/// property cannot change it. Paths stay absolute (<c>from</c> is the short form people read);
/// values are masked. Extra fields: a source's <c>text</c>, <c>desktop</c> saying whether the
/// desktop session was read, and per variable <c>projects</c>: for GOTOOLCHAIN and go, each watched
/// project's go.mod lines and the toolchain a terminal's go runs there, and under <c>goland</c> the
/// same for GoLand's Go when it is known (empty for the rest).
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
                WriteToolchains(writer, variable.Toolchains, variable.GoLandToolchains);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // "projects": per watched project with a go.mod, its go and toolchain lines and the toolchain a terminal's go runs there.
    private static void WriteToolchains(Utf8JsonWriter writer, IReadOnlyList<ProjectToolchain> toolchains, IReadOnlyList<ProjectToolchain> inGoLand)
    {
        writer.WriteStartArray("projects");
        foreach (var project in toolchains)
        {
            writer.WriteStartObject();
            writer.WriteString("project", project.Directory);
            writer.WriteString("goMod", project.GoMod.Path);
            GoModLine(writer, "goLine", project.GoMod.GoVersion, project.GoMod.GoLine);
            GoModLine(writer, "toolchainLine", project.GoMod.Toolchain, project.GoMod.ToolchainLine);
            WriteSelection(writer, project);
            if (inGoLand.FirstOrDefault(g => g.Directory == project.Directory) is { } goland)
            {
                writer.WriteStartObject("goland");
                WriteSelection(writer, goland);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("goland");
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    // bundled, gotoolchain, runs, outcome, story: what one environment's go does in the project.
    private static void WriteSelection(Utf8JsonWriter writer, ProjectToolchain project)
    {
        Nullable(writer, "bundled", project.Bundled is { } bundled ? "go" + bundled.Text : null);
        if (project.Setting is { } setting)
        {
            writer.WriteStartObject("gotoolchain");
            writer.WriteString("value", setting.Value);
            Nullable(writer, "file", project.SettingEvidence?.File);
            if (project.SettingEvidence?.Line is { } line)
            {
                writer.WriteNumber("line", line);
            }
            else
            {
                writer.WriteNull("line");
            }
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("gotoolchain");
        }
        Nullable(writer, "runs", project.Runs);
        writer.WriteString("outcome", project.Outcome switch
        {
            ToolchainOutcome.Default => "default",
            ToolchainOutcome.Switches => "switches",
            ToolchainOutcome.PreferenceIgnored => "preference-ignored",
            ToolchainOutcome.TooOld => "too-old",
            _ => "unknown",
        });
        writer.WriteString("story", Mask(project.Story));
    }

    private static void GoModLine(Utf8JsonWriter writer, string name, string? value, Evidence? line)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }
        writer.WriteStartObject(name);
        writer.WriteString("value", value);
        if (line?.Line is { } number)
        {
            writer.WriteNumber("line", number);
        }
        else
        {
            writer.WriteNull("line");
        }
        writer.WriteEndObject();
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
