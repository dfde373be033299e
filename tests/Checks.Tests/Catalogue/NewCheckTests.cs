using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests.Catalogue;

/// <summary>path.unsafe, goroot.versioned and goflags.global over hand-built facts.</summary>
public sealed class NewCheckTests
{
    [Fact]
    public void An_absolute_path_is_safe() => FactsBuilder.Mac().WithGo().Build().Passes("path.unsafe");

    [Theory]
    [InlineData("/usr/bin:/bin:", "empty entry")]
    [InlineData(":/usr/bin:/bin", "empty entry")]
    [InlineData("/usr/bin::/bin", "empty entry")]
    [InlineData("/usr/bin:.:/bin", "\".\"")]
    [InlineData("/usr/bin:node_modules/.bin:/bin", "relative directory \"node_modules/.bin\"")]
    public void A_path_that_searches_the_current_directory_is_unsafe(string path, string expected)
    {
        var finding = FactsBuilder.Mac().PathIs(path, line: 8).Build().Fails("path.unsafe");
        Assert.Contains(expected, finding.Detail);
        Assert.Contains(finding.Evidence, e => e.File == FactsBuilder.Zshrc && e.Line == 8);
    }

    [Fact]
    public void An_empty_entry_no_longer_breaks_path() => FactsBuilder.Mac().PathIs("/usr/bin::/bin").Build().Passes("path.broken");

    [Fact]
    public void Path_unsafe_is_skipped_without_the_shell_environment() => FactsBuilder.Mac().NoShellEnvironment().Build().Skips("path.unsafe");

    [Fact]
    public void Stable_homebrew_paths_are_not_versioned() =>
        FactsBuilder.Mac().WithGo("/opt/homebrew/opt/go/libexec").Export("GOROOT", "/opt/homebrew/opt/go/libexec").Build().Passes("goroot.versioned");

    [Fact]
    public void A_cellar_goroot_in_the_shell_is_versioned_and_the_fix_names_opt_go()
    {
        var finding = FactsBuilder.Mac().Export("GOROOT", "/opt/homebrew/Cellar/go/1.22.5/libexec", line: 3).Build().Fails("goroot.versioned");
        Assert.Contains("go 1.22.5", finding.Title);
        Assert.Contains("/opt/homebrew/opt/go/libexec", finding.Fix);
        Assert.Equal(3, Assert.Single(finding.Evidence).Line);
    }

    [Fact]
    public void A_cellar_path_entry_is_versioned() =>
        Assert.Contains("/usr/local/opt/go/bin", FactsBuilder.Mac().PrependPath("/usr/local/Cellar/go/1.21.0/bin").Build().Fails("goroot.versioned").Fix);

    [Fact]
    public void A_cellar_root_in_the_env_file_maps_to_libexec() =>
        Assert.Contains("/opt/homebrew/Cellar/go/1.22.5 → /opt/homebrew/opt/go/libexec",
            FactsBuilder.Mac().EnvFile("GOROOT", "/opt/homebrew/Cellar/go/1.22.5").Build().Fails("goroot.versioned").Fix);

    [Fact]
    public void A_cellar_goland_sdk_is_versioned() =>
        FactsBuilder.Mac().GoLandSdk("/opt/homebrew/Cellar/go/1.20.3/libexec").Build().Fails("goroot.versioned");

    [Fact]
    public void Goroot_versioned_is_skipped_without_the_shell_environment_when_nothing_else_names_a_cellar() =>
        FactsBuilder.Mac().NoShellEnvironment().Build().Skips("goroot.versioned");

    [Fact]
    public void Goflags_without_module_mode_flags_is_not_global() =>
        FactsBuilder.Mac().Export("GOFLAGS", "-trimpath -mod=mod").Build().Passes("goflags.global");

    [Fact]
    public void Mod_vendor_in_the_shell_goflags_is_global_and_blamed_on_its_line()
    {
        var finding = FactsBuilder.Mac().Export("GOFLAGS", "-mod=vendor", line: 6).Build().Fails("goflags.global");
        Assert.Contains("-mod=vendor", finding.Title);
        Assert.Contains("inconsistent vendoring", finding.Detail);
        Assert.Equal(6, Assert.Single(finding.Evidence).Line);
    }

    [Fact]
    public void Modfile_in_the_env_file_goflags_is_global_with_a_go_env_fix() =>
        Assert.Contains("go env -u GOFLAGS", FactsBuilder.Mac().EnvFile("GOFLAGS", "-modfile=go.dev.mod").Build().Fails("goflags.global").Fix);

    [Fact]
    public void The_goflags_fix_keeps_the_other_flags_in_a_line_that_pastes()
    {
        var fix = FactsBuilder.Mac().Export("GOFLAGS", "-trimpath -mod=vendor -buildvcs=false", line: 3).Build().Fails("goflags.global").Fix;
        Assert.EndsWith("with: export GOFLAGS='-trimpath -buildvcs=false'", fix);
    }

    [Fact]
    public void The_env_file_goflags_fix_rewrites_it_with_the_other_flags() =>
        Assert.EndsWith("go env -w GOFLAGS=-trimpath", FactsBuilder.Mac().EnvFile("GOFLAGS", "-modfile=go.dev.mod -trimpath").Build().Fails("goflags.global").Fix);

    [Fact]
    public void Goflags_global_is_skipped_without_the_shell_environment_when_the_env_file_is_clean() =>
        FactsBuilder.Mac().NoShellEnvironment().Build().Skips("goflags.global");
}
