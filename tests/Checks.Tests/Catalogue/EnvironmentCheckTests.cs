using GoWatch.Checks.Binary;
using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests.Catalogue;

/// <summary>GOPATH, modules, env file, proxy and cgo checks over hand-built facts.</summary>
public sealed class EnvironmentCheckTests
{
    [Fact]
    public void Gopath_bin_on_path_passes() => FactsBuilder.Mac().WithGo().Build().Passes("gopath.bin-missing");

    [Fact]
    public void Default_gopath_bin_missing_from_path_is_a_warning_with_an_append_fix()
    {
        var finding = FactsBuilder.Mac().Build().Fails("gopath.bin-missing");
        Assert.Contains("/Users/u/go/bin", finding.Title);
        Assert.Contains("export PATH=\"$PATH\":/Users/u/go/bin", finding.Fix);
    }

    [Fact]
    public void Gobin_missing_from_path_blames_the_gobin_line() =>
        Assert.Contains(FactsBuilder.Mac().WithGo().Export("GOBIN", "/Users/u/bin", line: 5).Build().Fails("gopath.bin-missing").Evidence, e => e.Line == 5);

    [Fact]
    public void Gopath_bin_missing_is_skipped_for_a_relative_gopath() =>
        FactsBuilder.Mac().Export("GOPATH", "go").Build().Skips("gopath.bin-missing");

    [Fact]
    public void Gopath_bin_missing_is_skipped_without_the_shell_environment() =>
        FactsBuilder.Mac().NoShellEnvironment().Build().Skips("gopath.bin-missing");

    [Fact]
    public void A_gopath_outside_goroot_is_valid() => FactsBuilder.Mac().WithGo().Export("GOPATH", "/Users/u/go").Build().Passes("gopath.invalid");

    [Fact]
    public void A_gopath_equal_to_goroot_is_invalid() =>
        Assert.Contains("GOROOT itself", FactsBuilder.Mac().WithGo().Export("GOPATH", "/usr/local/go").Build().Fails("gopath.invalid").Detail);

    [Fact]
    public void A_relative_gopath_is_invalid() =>
        Assert.Contains("relative", FactsBuilder.Mac().WithGo().Export("GOPATH", "go").Build().Fails("gopath.invalid").Detail);

    [Fact]
    public void A_gopath_that_links_into_goroot_is_invalid() =>
        Assert.Contains("inside GOROOT", FactsBuilder.Mac().WithGo().Export("GOPATH", "/Users/u/work").Dir("/Users/u/work", realPath: "/usr/local/go/src/work")
            .Build().Fails("gopath.invalid").Detail);

    [Fact]
    public void Gopath_invalid_is_skipped_without_shell_or_go_env() =>
        FactsBuilder.Mac().NoShellEnvironment().Build().Skips("gopath.invalid");

    [Fact]
    public void One_gopath_in_one_place_is_not_mixed() => FactsBuilder.Mac().WithGo().Export("GOPATH", "/Users/u/go").Build().Passes("gopath.mixed");

    [Fact]
    public void Shell_and_env_file_gopaths_that_differ_are_mixed() =>
        Assert.Equal(2, FactsBuilder.Mac().Export("GOPATH", "/Users/u/go").EnvFile("GOPATH", "/Users/u/gopath").Build().Fails("gopath.mixed").Evidence.Count);

    [Fact]
    public void Several_gopath_entries_are_mixed() =>
        FactsBuilder.Mac().Export("GOPATH", "/Users/u/go:/Users/u/work").Build().Fails("gopath.mixed");

    [Fact]
    public void Gopath_mixed_is_skipped_without_the_shell_environment() =>
        FactsBuilder.Mac().NoShellEnvironment().Build().Skips("gopath.mixed");

    [Theory]
    [InlineData("modules.off", "off")]
    [InlineData("modules.auto", "auto")]
    public void Go111module_set_in_the_shell_fires_its_check(string id, string value) =>
        Assert.Equal(3, FactsBuilder.Mac().Export("GO111MODULE", value, line: 3).Build().Fails(id).Evidence.Single().Line);

    [Theory]
    [InlineData("modules.off")]
    [InlineData("modules.auto")]
    public void Go111module_on_passes_both_module_checks(string id) =>
        FactsBuilder.Mac().Export("GO111MODULE", "on").Build().Passes(id);

    [Fact]
    public void Go111module_off_in_a_goland_project_environment_fires_even_without_the_shell() =>
        FactsBuilder.Mac().NoShellEnvironment().GoLand().Project("legacy", environment: new Dictionary<string, string> { ["GO111MODULE"] = "off" })
            .Build().Fails("modules.off");

    [Theory]
    [InlineData("modules.off")]
    [InlineData("modules.auto")]
    public void Module_checks_are_skipped_without_the_shell_environment_when_nothing_sets_go111module(string id) =>
        FactsBuilder.Mac().NoShellEnvironment().Build().Skips(id);

    [Fact]
    public void An_env_file_that_agrees_with_the_shell_is_no_override() =>
        FactsBuilder.Mac().Export("GOPROXY", "direct").EnvFile("GOPROXY", "direct").Build().Passes("goenv.overrides");

    [Fact]
    public void An_env_file_that_sets_goroot_overrides() =>
        Assert.Contains("GOROOT", FactsBuilder.Mac().EnvFile("GOROOT", "/usr/local/go").Build().Fails("goenv.overrides").Detail);

    [Fact]
    public void An_env_file_value_that_differs_from_the_shell_overrides() =>
        FactsBuilder.Mac().Export("GOFLAGS", "-mod=mod").EnvFile("GOFLAGS", "-mod=readonly").Build().Fails("goenv.overrides");

    [Fact]
    public void Goenv_overrides_is_skipped_when_the_env_file_cannot_be_read() =>
        Assert.Contains("could not be read", FactsBuilder.Mac().EnvFileUnreadable().Build().Skips("goenv.overrides"));

    [Fact]
    public void Goenv_overrides_is_skipped_without_the_shell_environment() =>
        FactsBuilder.Mac().NoShellEnvironment().EnvFile("GOPROXY", "direct").Build().Skips("goenv.overrides");

    [Fact]
    public void Default_proxy_settings_are_secure() => FactsBuilder.Mac().WithGo().Build().Passes("proxy.insecure");

    [Fact]
    public void Gosumdb_off_is_insecure() =>
        Assert.Contains("GOSUMDB=off", FactsBuilder.Mac().WithGo().Export("GOSUMDB", "off").Build().Fails("proxy.insecure").Detail);

    [Fact]
    public void Goprivate_star_in_the_env_file_is_insecure() =>
        FactsBuilder.Mac().WithGo().EnvFile("GOPRIVATE", "*").Build().Fails("proxy.insecure");

    [Fact]
    public void Proxy_insecure_is_skipped_with_no_source_at_all() =>
        FactsBuilder.Mac().NoShellEnvironment().Build().Skips("proxy.insecure");

    [Fact]
    public void Cgo_off_passes_the_compiler_check() => FactsBuilder.Mac().WithGo().Build().Passes("cgo.compiler");

    [Fact]
    public void Cgo_on_with_a_native_compiler_passes() =>
        FactsBuilder.Mac().WithGo().GoEnv("CGO_ENABLED", "1").Compiler("/usr/bin/clang", FactsBuilder.MachO("arm64")).Build().Passes("cgo.compiler");

    [Fact]
    public void Cgo_on_without_a_compiler_is_a_warning() =>
        Assert.Contains("not found", FactsBuilder.Mac().WithGo().GoEnv("CGO_ENABLED", "1").Compiler(null).Build().Fails("cgo.compiler").Title);

    [Fact]
    public void Cgo_on_with_an_intel_compiler_on_apple_silicon_is_a_warning() =>
        FactsBuilder.Mac().WithGo().GoEnv("CGO_ENABLED", "1").Compiler("/usr/local/bin/gcc", new BinaryHeader(BinaryFormat.MachO, ["amd64"])).Build().Fails("cgo.compiler");

    [Fact]
    public void Cgo_compiler_is_skipped_without_go_env() => FactsBuilder.Mac().Build().Skips("cgo.compiler");
}
