using GoWatch.Checks.Binary;
using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests.Catalogue;

/// <summary>go.multiple-installs, install.stale-arch, symlink.dangling, homebrew.rosetta over hand-built facts.</summary>
public sealed class InstallationCheckTests
{
    [Fact]
    public void One_installation_is_not_several() => FactsBuilder.Mac().WithGo().Build().Passes("go.multiple-installs");

    [Fact]
    public void Two_installations_are_several_and_the_one_that_runs_is_named()
    {
        var finding = FactsBuilder.Mac().WithGo().Installation("/opt/homebrew/opt/go/libexec", "arm64", "go1.21.0").Build().Fails("go.multiple-installs");
        Assert.Contains("The shell runs /usr/local/go", finding.Detail);
        Assert.Equal(2, finding.Evidence.Count);
    }

    [Fact]
    public void Multiple_installs_is_skipped_when_the_shell_path_is_unknown_and_one_install_was_found() =>
        FactsBuilder.Mac().Installation("/usr/local/go", "arm64").NoShellEnvironment().Build().Skips("go.multiple-installs");

    [Fact]
    public void Native_installations_are_not_stale() => FactsBuilder.Mac().WithGo().Build().Passes("install.stale-arch");

    [Fact]
    public void An_intel_go_left_in_a_well_known_place_is_stale()
    {
        var finding = FactsBuilder.Mac().WithGo().Installation("/Users/u/sdk/go1.20", "amd64", "go1.20").Build().Fails("install.stale-arch");
        Assert.Contains("/Users/u/sdk/go1.20", finding.Fix);
    }

    [Fact]
    public void An_installation_with_an_unreadable_header_is_not_called_stale()
    {
        var facts = FactsBuilder.Mac().WithGo().Build();
        var unknown = facts with { Installations = facts.Installations with { Installations = [facts.Installations.Installations[0] with { Header = BinaryHeader.Unknown }] } };
        unknown.Passes("install.stale-arch");
    }

    [Fact]
    public void No_dangling_links_pass() => FactsBuilder.Mac().WithGo().Build().Passes("symlink.dangling");

    [Fact]
    public void A_dangling_go_link_on_path_is_an_error_with_the_rm_fix()
    {
        var finding = FactsBuilder.Mac().WithGo().DanglingLink("/usr/local/bin/go", "/usr/local/Cellar/go/1.19/bin/go").Build().Fails("symlink.dangling");
        Assert.Contains("rm /usr/local/bin/go", finding.Fix);
    }

    [Fact]
    public void Symlink_dangling_is_skipped_when_the_shell_path_is_unknown_and_nothing_was_found() =>
        FactsBuilder.Mac().NoShellEnvironment().Build().Skips("symlink.dangling");

    [Fact]
    public void Apple_silicon_without_intel_homebrew_passes_rosetta() => FactsBuilder.Mac().Build().Passes("homebrew.rosetta");

    [Fact]
    public void Intel_homebrew_on_apple_silicon_is_a_warning() =>
        Assert.Equal(Severity.Warning, FactsBuilder.Mac().IntelHomebrew().Build().Fails("homebrew.rosetta").Severity);

    [Fact]
    public void Rosetta_homebrew_is_skipped_on_linux() =>
        Assert.Equal("not an Apple Silicon Mac", FactsBuilder.Linux().Build().Skips("homebrew.rosetta"));

    [Fact]
    public void Rosetta_homebrew_is_skipped_on_an_intel_mac_even_with_homebrew_in_usr_local() =>
        Assert.Equal("not an Apple Silicon Mac", FactsBuilder.IntelMac().IntelHomebrew().Build().Skips("homebrew.rosetta"));
}
