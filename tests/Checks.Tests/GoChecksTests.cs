using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests;

/// <summary>The go that runs: healthy Debian Go, hanging and garbage go, arch, GOROOT, cgo, toolchain.</summary>
public sealed class GoChecksTests
{
    private static string OnPath(Scenario s, string root) => $"export PATH={Scenario.Sh(Path.Combine(root, "bin"))}:$PATH";

    [Fact]
    public async Task Healthy_debian_go_reports_no_errors()
    {
        // Given this machine's real Go with GOPATH/bin on PATH
        using var s = Scenario.ThisLinuxMachine();
        s.Zshrc("export PATH=\"$PATH:$HOME/go/bin\"");

        // When verifying everything
        var report = await s.VerifyAsync();

        // Then the real go is found and nothing is an error
        Assert.False(report.HasErrors, ReportAssertions.Describe(report));
        Assert.NotNull(report.Go);
        Assert.StartsWith("go1.", report.Go!.Version);
        Assert.Contains("go.arch-mismatch", report.Passed);
        Assert.Contains("gopath.bin-missing", report.Passed);
    }

    [Fact]
    public async Task Go_that_hangs_is_reported_within_the_timeout()
    {
        using var s = Scenario.Mac().WithGoTimeout(TimeSpan.FromSeconds(1));
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { Behaviour = FakeGoBehaviour.Hang });
        s.Zshrc(OnPath(s, root));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var facts = await s.FactsAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        Assert.Contains("did not finish", facts.Go!.EnvError);
    }

    [Fact]
    public async Task Go_printing_garbage_for_env_json_gives_a_clear_message()
    {
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { Behaviour = FakeGoBehaviour.Garbage });
        s.Zshrc(OnPath(s, root));
        var facts = await s.FactsAsync();
        Assert.Contains("not JSON", facts.Go!.EnvError);
        var report = await s.VerifyAsync();
        Assert.Contains(report.Skipped, k => k.Id == "cgo.compiler");
    }

    [Fact]
    public async Task Intel_go_on_apple_silicon_is_an_arch_mismatch()
    {
        using var s = Scenario.Mac().WithHostArch("arm64");
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { HostArch = "amd64" });
        s.Zshrc(OnPath(s, root));
        var report = await s.VerifyAsync("go.arch-mismatch");
        Assert.Contains(report.Fires("go.arch-mismatch").Evidence, e => e.Text!.Contains("GOHOSTARCH = amd64"));
    }

    [Fact]
    public async Task Native_go_is_no_arch_mismatch()
    {
        using var s = Scenario.Mac().WithHostArch("arm64");
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { HostArch = "arm64" });
        s.Zshrc(OnPath(s, root));
        var report = await s.VerifyAsync("go.arch-mismatch");
        report.Passes("go.arch-mismatch");
    }

    [Fact]
    public void A_goroot_computed_at_each_start_from_go_env_is_not_a_versioned_pin()
    {
        const string cellar = "/opt/homebrew/Cellar/go/1.22.5/libexec";
        var facts = FactsBuilder.Mac().WithGo(cellar).Export("GOROOT", cellar, line: 2).Build();
        facts = facts with { Shell = facts.Shell with { Assignments = new Dictionary<string, Evidence>(facts.Shell.Assignments)
        {
            ["GOROOT"] = new(FactsBuilder.Zshrc, 2, "export GOROOT=\"$(go env GOROOT)\""),
            ["PATH"] = new(FactsBuilder.Zshrc, 3, "export PATH=\"$GOROOT/bin:$PATH\""),
        } } };

        facts.Passes("goroot.versioned");
    }

    [Fact]
    public void A_goroot_written_into_the_cellar_is_a_versioned_pin()
    {
        const string cellar = "/opt/homebrew/Cellar/go/1.22.5/libexec";
        var facts = FactsBuilder.Mac().WithGo(cellar).Export("GOROOT", cellar, line: 2).Build();

        Assert.Contains(facts.Fails("goroot.versioned").Evidence, e => e.Line == 2);
    }

    [Fact]
    public async Task Goroot_naming_a_missing_directory_is_a_mismatch()
    {
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo());
        var zshrc = s.Zshrc(OnPath(s, root), "export GOROOT=/opt/homebrew/Cellar/go/1.19/libexec");
        var report = await s.VerifyAsync("goroot.mismatch");
        var finding = report.Fires("goroot.mismatch");
        Assert.Contains(finding.Evidence, e => e.File == zshrc && e.Line == 2);
    }

    [Fact]
    public async Task Goroot_in_env_file_naming_another_install_is_a_mismatch()
    {
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo());
        s.FakeGo(s.Sys("/opt/homebrew/opt/go/libexec"), new FakeGo());
        s.Zshrc(OnPath(s, root));
        var env = s.GoEnvFile($"GOROOT={s.Sys("/opt/homebrew/opt/go/libexec")}");
        var report = await s.VerifyAsync("goroot.mismatch");
        Assert.Contains(report.Fires("goroot.mismatch").Evidence, e => e.File == env && e.Line == 1);
    }

    [Fact]
    public async Task Goroot_matching_the_running_go_is_fine()
    {
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo());
        s.Zshrc($"export GOROOT={Scenario.Sh(root)}", "export PATH=$GOROOT/bin:$PATH");
        var report = await s.VerifyAsync("goroot.mismatch");
        report.Passes("goroot.mismatch");
    }

    [Fact]
    public async Task Cgo_with_a_missing_compiler_is_reported()
    {
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { CgoEnabled = true, Cc = "no-such-cc-gowatch" });
        s.Zshrc(OnPath(s, root));
        var report = await s.VerifyAsync("cgo.compiler");
        Assert.Contains("not found", report.Fires("cgo.compiler").Title);
    }

    [Fact]
    public async Task Cgo_with_a_native_compiler_is_fine()
    {
        using var s = Scenario.ThisLinuxMachine();
        s.Zshrc("export PATH=\"$PATH:$HOME/go/bin\"");
        var report = await s.VerifyAsync("cgo.compiler");
        report.Passes("cgo.compiler");
    }

    [Fact]
    public async Task Cgo_compiler_built_for_another_cpu_is_reported()
    {
        using var s = Scenario.Mac().WithHostArch("arm64");
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { CgoEnabled = true, Cc = "intel-clang" });
        s.MachOGo(s.Sys("/opt/cc"), Scenario.MachX8664);
        File.Move(s.Sys("/opt/cc/bin/go"), s.Sys("/opt/cc/bin/intel-clang"));
        s.Zshrc(OnPath(s, root), $"export PATH=\"$PATH\":{Scenario.Sh(s.Sys("/opt/cc/bin"))}");
        var report = await s.VerifyAsync("cgo.compiler");
        Assert.Contains("amd64", report.Fires("cgo.compiler").Title);
    }

    [Fact]
    public async Task Project_needing_a_newer_go_with_local_toolchain_is_too_old()
    {
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { Version = "go1.21.3", Extra = { ["GOTOOLCHAIN"] = "local" } });
        s.Zshrc(OnPath(s, root), "export GOTOOLCHAIN=local");
        s.ProjectDirs.Add(s.Project("app", null, "module app\n\ngo 1.22\n\ntoolchain go1.22.5\n"));
        var report = await s.VerifyAsync("toolchain.too-old");
        var finding = report.Fires("toolchain.too-old");
        Assert.Contains(finding.Evidence, e => e.File!.EndsWith("go.mod") && e.Line == 5);
    }

    [Fact]
    public async Task Project_needing_a_newer_go_with_auto_toolchain_is_fine()
    {
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { Version = "go1.21.3", Extra = { ["GOTOOLCHAIN"] = "auto" } });
        s.Zshrc(OnPath(s, root));
        s.ProjectDirs.Add(s.Project("app", null, "module app\n\ngo 1.22\n"));
        var report = await s.VerifyAsync("toolchain.too-old");
        report.Passes("toolchain.too-old");
    }
}
