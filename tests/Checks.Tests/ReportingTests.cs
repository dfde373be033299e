using System.Text.Json;
using GoWatch.Checks.Reporting;
using GoWatch.Checks.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace GoWatch.Checks.Tests;

/// <summary>The verifier's entry point, the doctor JSON contract and the human renderer.</summary>
public sealed class ReportingTests
{
    private static VerificationReport Sample() => new()
    {
        CheckedAt = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero),
        Host = new HostInfo("macos", "arm64", "/bin/zsh"),
        Go = new GoInfo("/usr/local/go/bin/go", "go1.22.5", "/usr/local/go", "arm64"),
        Findings =
        [
            new Finding("path.broken", Severity.Error, "The login shell's PATH is broken", "PATH lacks /usr/bin",
                [new Evidence("/Users/u/[red].zshrc", 3, "export PATH=/usr/local/go/bin")], "export PATH=\"/usr/local/go/bin:$PATH\""),
        ],
        Passed = ["go.not-found"],
        Skipped = [new SkippedCheck("cgo.compiler", "go env is not available")],
        ShellStartupMs = 42,
        DurationMs = 120,
    };

    [Fact]
    public void Doctor_json_has_the_spec_shape()
    {
        using var doc = JsonDocument.Parse(DoctorJson.Serialize(Sample()));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("2024-05-01T12:00:00.000Z", root.GetProperty("checkedAt").GetString());
        Assert.Equal("arm64", root.GetProperty("host").GetProperty("arch").GetString());
        Assert.Equal("/usr/local/go", root.GetProperty("go").GetProperty("goroot").GetString());
        var finding = root.GetProperty("findings")[0];
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal(3, finding.GetProperty("evidence")[0].GetProperty("line").GetInt32());
        Assert.Equal(["id", "severity", "title", "detail", "evidence", "fix"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("go.not-found", root.GetProperty("passed")[0].GetString());
    }

    [Fact]
    public void Doctor_json_writes_null_go_when_there_is_none()
    {
        using var doc = JsonDocument.Parse(DoctorJson.Serialize(Sample() with { Go = null }));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("go").ValueKind);
    }

    [Fact]
    public void Renderer_groups_by_area_and_prints_evidence_and_fix_literally()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        DoctorRenderer.Render(console, Sample());
        var text = output.ToString();
        Assert.Contains("✗ Login shell", text);
        Assert.Contains("/Users/u/[red].zshrc:3: export PATH=/usr/local/go/bin", text);
        Assert.Contains("fix: export PATH=", text);
        Assert.Contains("cgo.compiler: not checked", text);
    }

    [Fact]
    public async Task Unknown_check_id_is_refused_with_the_valid_ids()
    {
        using var s = Scenario.Mac();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => s.VerifyAsync("path.brokn"));
        Assert.Contains("path.brokn", ex.Message);
        Assert.Contains("goland.modules-disabled", ex.Message);
    }

    [Fact]
    public async Task Filter_runs_only_the_requested_checks_and_time_comes_from_the_clock()
    {
        using var s = Scenario.Mac();
        s.Zshrc("export EDITOR=vi");
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var report = await new Verifier(new Probes.FactsCollector(), clock).RunAsync(s.Settings(), s.Request("path.broken"), CancellationToken.None);
        Assert.Equal(["path.broken"], report.Passed);
        Assert.Empty(report.Skipped);
        Assert.Equal(clock.GetUtcNow(), report.CheckedAt);
    }

    [Fact]
    public void Catalogue_has_every_spec_id_once()
    {
        string[] spec =
        [
            "shell.startup-failed", "path.broken", "go.not-found", "go.arch-mismatch", "goroot.mismatch", "path.order",
            "go.multiple-installs", "install.stale-arch", "symlink.dangling", "gopath.bin-missing", "gopath.invalid",
            "gopath.mixed", "modules.off", "modules.auto", "goenv.overrides", "proxy.insecure", "homebrew.rosetta",
            "cgo.compiler", "toolchain.too-old", "goland.goroot-missing", "goland.goroot-differs", "goland.modules-disabled",
        ];
        Assert.Equal(spec.Order(), Verifier.CheckIds.Order());
    }
}
