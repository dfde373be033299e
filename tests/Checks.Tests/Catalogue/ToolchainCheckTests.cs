using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests.Catalogue;

/// <summary>go.not-found, go.arch-mismatch, goroot.mismatch, toolchain.too-old over hand-built facts.</summary>
public sealed class ToolchainCheckTests
{
    [Fact]
    public void A_working_go_on_path_is_found() => FactsBuilder.Mac().WithGo().Build().Passes("go.not-found");

    [Fact]
    public void No_go_on_path_is_an_error() =>
        Assert.Contains("No go", FactsBuilder.Mac().Build().Fails("go.not-found").Title);

    [Fact]
    public void No_go_on_path_with_an_installed_go_says_to_add_its_bin_dir()
    {
        var finding = FactsBuilder.Mac().Installation("/usr/local/go", "arm64").Build().Fails("go.not-found");
        Assert.Contains("export PATH=/usr/local/go/bin:\"$PATH\"", finding.Fix);
    }

    [Fact]
    public void No_go_on_path_and_an_installation_whose_bin_was_not_seen_gets_install_advice()
    {
        var finding = FactsBuilder.Mac().Installation("/usr/local/go", "arm64").Unprobed("/usr/local/go/bin").Build().Fails("go.not-found");
        Assert.Contains("go.dev/dl", finding.Fix);
    }

    [Fact]
    public void A_go_that_does_not_answer_is_an_error() =>
        Assert.Contains("does not work", FactsBuilder.Mac().WithGo().GoBroken().Build().Fails("go.not-found").Title);

    [Fact]
    public void Go_not_found_is_skipped_without_the_shell_environment() =>
        FactsBuilder.Mac().NoShellEnvironment().Build().Skips("go.not-found");

    [Fact]
    public void A_native_go_has_no_arch_mismatch() => FactsBuilder.Mac().WithGo().Build().Passes("go.arch-mismatch");

    [Fact]
    public void An_intel_go_on_apple_silicon_is_an_arch_mismatch()
    {
        var finding = FactsBuilder.Mac().WithGo(arch: "amd64").Build().Fails("go.arch-mismatch");
        Assert.Contains("amd64", finding.Title);
        Assert.Contains("Rosetta", finding.Detail);
    }

    [Fact]
    public void Arch_mismatch_is_skipped_without_a_go() => Assert.Contains("no go", FactsBuilder.Mac().Build().Skips("go.arch-mismatch"));

    [Fact]
    public void A_goroot_that_is_the_root_of_the_go_that_runs_matches() =>
        FactsBuilder.Mac().WithGo().Export("GOROOT", "/usr/local/go").Build().Passes("goroot.mismatch");

    [Fact]
    public void A_goroot_reached_through_a_link_matches() =>
        FactsBuilder.Mac().WithGo().Export("GOROOT", "/opt/go-current").Dir("/opt/go-current", realPath: "/usr/local/go").Build().Passes("goroot.mismatch");

    [Fact]
    public void A_goroot_that_does_not_exist_is_a_mismatch_blamed_on_its_line()
    {
        var finding = FactsBuilder.Mac().WithGo().Export("GOROOT", "/opt/homebrew/Cellar/go/1.19/libexec", line: 9)
            .Missing("/opt/homebrew/Cellar/go/1.19/libexec").Build().Fails("goroot.mismatch");
        Assert.Contains("does not exist", finding.Detail);
        Assert.Equal(9, Assert.Single(finding.Evidence).Line);
    }

    [Fact]
    public void A_goroot_of_another_installation_is_a_mismatch() =>
        Assert.Contains("is not /usr/local/go", FactsBuilder.Mac().WithGo().EnvFile("GOROOT", "/Users/u/sdk/go1.21.0").Dir("/Users/u/sdk/go1.21.0")
            .Build().Fails("goroot.mismatch").Detail);

    [Fact]
    public void Goroot_mismatch_is_skipped_when_the_goroot_was_not_probed() =>
        Assert.Contains("unknown", FactsBuilder.Mac().WithGo().Export("GOROOT", "/somewhere").Build().Skips("goroot.mismatch"));

    [Fact]
    public void Goroot_mismatch_is_skipped_without_the_shell_environment() =>
        FactsBuilder.Mac().NoShellEnvironment().Build().Skips("goroot.mismatch");

    [Fact]
    public void A_project_needing_a_newer_go_with_gotoolchain_local_is_too_old()
    {
        var finding = FactsBuilder.Mac().WithGo(version: "go1.22.5").Export("GOTOOLCHAIN", "local").Project("api", goModVersion: "1.23.1")
            .Build().Fails("toolchain.too-old");
        Assert.Contains("1.23.1", finding.Detail);
    }

    [Fact]
    public void A_project_needing_a_newer_go_passes_when_go_may_switch_toolchains() =>
        FactsBuilder.Mac().WithGo(version: "go1.22.5").Project("api", goModVersion: "1.23.1").Build().Passes("toolchain.too-old");

    [Fact]
    public void Toolchain_too_old_is_skipped_without_a_project_with_go_mod() =>
        Assert.Contains("go.mod", FactsBuilder.Mac().WithGo().Export("GOTOOLCHAIN", "local").Build().Skips("toolchain.too-old"));

    [Fact]
    public void Toolchain_too_old_is_skipped_when_the_go_version_is_unknown() =>
        FactsBuilder.Mac().Project("api", goModVersion: "1.23").Build().Skips("toolchain.too-old");

    [Fact]
    public void A_toolchain_line_gotoolchain_local_keeps_from_running_is_reported_as_builds_that_work_with_an_older_go()
    {
        var finding = FactsBuilder.Mac().WithGo(version: "go1.22.5").Export("GOTOOLCHAIN", "local", line: 4).Project("api", goModVersion: "1.21.0", toolchain: "go1.23.1")
            .Build().Fails("toolchain.too-old");

        Assert.Contains("Builds work, but not with the toolchain the project asks for.", finding.Detail);
        Assert.Contains("delete the GOTOOLCHAIN export at /Users/u/.zshrc:4", finding.Fix);
    }

    [Fact]
    public void Gotoolchain_path_without_the_toolchain_on_path_is_fixed_by_putting_it_there()
    {
        var finding = FactsBuilder.Mac().WithGo(version: "go1.22.5").Export("GOTOOLCHAIN", "path").Project("api", goModVersion: "1.23")
            .Missing("/usr/local/go/bin/go1.23.0").Missing("/usr/bin/go1.23.0").Missing("/bin/go1.23.0").Missing("/usr/sbin/go1.23.0").Missing("/sbin/go1.23.0")
            .Missing("/Users/u/go/bin/go1.23.0")
            .Build().Fails("toolchain.too-old");

        Assert.Equal("Install Go 1.23.0 or newer from https://go.dev/dl/, or put go1.23.0 on PATH: go install golang.org/dl/go1.23.0@latest && go1.23.0 download.", finding.Fix);
    }

    [Fact]
    public void A_toolchain_default_line_is_fixed_in_go_mod_not_in_gotoolchain()
    {
        var finding = FactsBuilder.Mac().WithGo(version: "go1.22.5").GoEnv("GOTOOLCHAIN", "auto").Project("api", goModVersion: "1.23.0", toolchain: "default")
            .Build().Fails("toolchain.too-old");

        Assert.EndsWith("or remove the \"toolchain default\" line from go.mod so go may switch.", finding.Fix);
        Assert.DoesNotContain("GOTOOLCHAIN=auto", finding.Fix);
    }

    [Fact]
    public void A_project_go_switches_for_passes() =>
        FactsBuilder.Mac().WithGo(version: "go1.22.5").GoEnv("GOTOOLCHAIN", "go1.23.1+auto").Project("api", goModVersion: "1.24.0").Build().Passes("toolchain.too-old");
}
