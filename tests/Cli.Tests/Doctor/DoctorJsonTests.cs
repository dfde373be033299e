using GoWatch.Checks;
using System.Text.Json;
using GoWatch.Cli.Rendering;
using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests.Doctor;

/// <summary>The stable <c>doctor --json</c> shape of SPEC §6.</summary>
public sealed class DoctorJsonTests
{
    [Fact]
    public void Doctor_json_has_the_spec_shape()
    {
        using var doc = JsonDocument.Parse(DoctorJson.Serialize(DoctorReports.WithFindings()));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("2024-05-01T12:00:00.000Z", root.GetProperty("checkedAt").GetString());
        Assert.Equal(["platform", "arch", "shell"], root.GetProperty("host").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["path", "version", "goroot", "arch"], root.GetProperty("go").EnumerateObject().Select(p => p.Name));
        var finding = root.GetProperty("findings")[0];
        Assert.Equal(["id", "severity", "title", "detail", "evidence", "fix"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal(["file", "line", "text"], finding.GetProperty("evidence")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(12, finding.GetProperty("evidence")[0].GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("evidence")[1].GetProperty("file").ValueKind);
        Assert.Equal(["error", "info", "warning"], root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("severity").GetString()).Order());
        Assert.Equal("path.broken", root.GetProperty("passed")[0].GetString());
    }

    [Fact]
    public void A_finding_about_where_a_value_comes_from_adds_the_explain_command_after_the_spec_fields()
    {
        var report = DoctorReports.Healthy() with
        {
            Findings =
            [
                new Finding("goenv.overrides", Severity.Warning, "The Go env file overrides your settings", "GOPATH is /a in the Go env file but /b in the login shell.",
                    [], "go env -u GOPATH") { Explain = ["GOPATH"] },
            ],
        };

        using var doc = JsonDocument.Parse(DoctorJson.Serialize(report));

        var finding = doc.RootElement.GetProperty("findings")[0];
        Assert.Equal(["id", "severity", "title", "detail", "evidence", "fix", "explain"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("gowatch explain GOPATH", finding.GetProperty("explain").GetString());
    }

    [Fact]
    public void Skipped_checks_are_listed_with_id_and_reason()
    {
        using var doc = JsonDocument.Parse(DoctorJson.Serialize(DoctorReports.Healthy()));
        var skipped = doc.RootElement.GetProperty("skipped");
        Assert.Equal(3, skipped.GetArrayLength());
        Assert.Equal(["id", "reason"], skipped[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("goland.goroot-missing", skipped[0].GetProperty("id").GetString());
        Assert.Equal("GoLand is not installed", skipped[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void Doctor_json_writes_null_go_when_there_is_none()
    {
        using var doc = JsonDocument.Parse(DoctorJson.Serialize(DoctorReports.Healthy() with { Go = null }));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("go").ValueKind);
    }
}
