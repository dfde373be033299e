using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests.Catalogue;

/// <summary>The goland.* checks over hand-built facts; without GoLand they are skipped, never passed.</summary>
public sealed class GoLandCheckTests
{
    [Theory]
    [InlineData("goland.goroot-missing")]
    [InlineData("goland.goroot-differs")]
    [InlineData("goland.modules-disabled")]
    public void Without_goland_every_goland_check_is_skipped_because_goland_is_not_installed(string id) =>
        Assert.Contains("GoLand is not installed", FactsBuilder.Mac().WithGo().Build().Skips(id));

    [Theory]
    [InlineData("goland.goroot-missing")]
    [InlineData("goland.goroot-differs")]
    [InlineData("goland.modules-disabled")]
    public void A_watched_go_project_without_idea_settings_and_no_goland_is_still_skipped(string id) =>
        Assert.Contains("GoLand is not installed", FactsBuilder.Mac().WithGo().Project("cli", goModVersion: "1.22", ideaSettings: false).Build().Skips(id));

    [Fact]
    public void A_project_with_idea_settings_is_checked_without_a_goland_config_directory() =>
        FactsBuilder.Mac().Project("api", modules: false, goModVersion: "1.22").Build().Fails("goland.modules-disabled");

    [Fact]
    public void A_project_goroot_that_exists_is_not_missing() =>
        FactsBuilder.Mac().WithGo().GoLand().Project("api", goroot: "/usr/local/go").Build().Passes("goland.goroot-missing");

    [Fact]
    public void A_project_goroot_that_is_gone_is_missing_and_blames_workspace_xml()
    {
        var finding = FactsBuilder.Mac().WithGo().GoLand().Project("api", goroot: "/Users/u/sdk/go1.18").Missing("/Users/u/sdk/go1.18")
            .Build().Fails("goland.goroot-missing");
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal(("/Users/u/GolandProjects/api/.idea/workspace.xml", 3), (evidence.File, evidence.Line));
    }

    [Fact]
    public void An_sdk_that_is_gone_is_missing() =>
        Assert.Contains("1.17", FactsBuilder.Mac().WithGo().GoLandSdk("/opt/homebrew/Cellar/go/1.17/libexec").Missing("/opt/homebrew/Cellar/go/1.17/libexec")
            .Build().Fails("goland.goroot-missing").Detail);

    [Fact]
    public void Malformed_goland_xml_is_reported_as_missing_goroot() =>
        FactsBuilder.Mac().WithGo().GoLandProblem("/Users/u/x/options/go.sdk.xml", 2, "unexpected end of file").Build().Fails("goland.goroot-missing");

    [Fact]
    public void Goroot_missing_is_skipped_when_the_goroot_was_not_probed() =>
        Assert.Contains("unknown", FactsBuilder.Mac().WithGo().GoLand().Project("api", goroot: "/nowhere").Build().Skips("goland.goroot-missing"));

    [Fact]
    public void A_project_using_the_terminal_go_does_not_differ() =>
        FactsBuilder.Mac().WithGo().GoLand().Project("api", goroot: "/usr/local/go").Build().Passes("goland.goroot-differs");

    [Fact]
    public void A_project_using_another_go_differs() =>
        Assert.Contains("/Users/u/sdk/go1.21.0", FactsBuilder.Mac().WithGo().GoLand().Project("api", goroot: "/Users/u/sdk/go1.21.0").Dir("/Users/u/sdk/go1.21.0")
            .Build().Fails("goland.goroot-differs").Detail);

    [Fact]
    public void Goroot_differs_is_skipped_when_no_project_sets_a_goroot() =>
        Assert.Contains("GOROOT", FactsBuilder.Mac().WithGo().GoLand().Project("api").Build().Skips("goland.goroot-differs"));

    [Fact]
    public void A_project_pinning_no_goroot_uses_golands_only_sdk_and_differs_when_that_is_another_go()
    {
        var finding = FactsBuilder.Mac().WithGo().GoLandSdk("/Users/u/sdk/go1.21.0").Dir("/Users/u/sdk/go1.21.0").Project("api")
            .Build().Fails("goland.goroot-differs");
        Assert.Contains("uses /Users/u/sdk/go1.21.0", finding.Detail);
        Assert.EndsWith("/options/go.sdk.xml", Assert.Single(finding.Evidence).File);
    }

    [Fact]
    public void A_project_pinning_no_goroot_is_left_out_when_goland_has_several_sdks() =>
        FactsBuilder.Mac().WithGo().GoLandSdk("/Users/u/sdk/go1.21.0").GoLandSdk("/usr/local/go").Dir("/Users/u/sdk/go1.21.0").Project("api")
            .Build().Skips("goland.goroot-differs");

    [Fact]
    public void Goroot_differs_is_skipped_without_a_go_on_path() =>
        FactsBuilder.Mac().GoLand().Project("api", goroot: "/usr/local/go").Dir("/usr/local/go").Build().Skips("goland.goroot-differs");

    [Fact]
    public void Modules_integration_on_passes() =>
        FactsBuilder.Mac().GoLand().Project("api", modules: true, goModVersion: "1.22").Build().Passes("goland.modules-disabled");

    [Fact]
    public void Modules_integration_off_in_a_module_is_a_warning_at_the_workspace_line() =>
        Assert.Equal(5, FactsBuilder.Mac().GoLand().Project("api", modules: false, goModVersion: "1.22").Build().Fails("goland.modules-disabled").Evidence.Single().Line);

    [Fact]
    public void Modules_disabled_is_skipped_when_no_project_has_a_go_mod() =>
        Assert.Contains("go.mod", FactsBuilder.Mac().GoLand().Project("old", modules: false).Build().Skips("goland.modules-disabled"));
}
