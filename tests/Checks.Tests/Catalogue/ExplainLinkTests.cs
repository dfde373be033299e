using GoWatch.Checks.Facts;
using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests.Catalogue;

/// <summary>Findings whose story is where a value comes from name the variables <c>gowatch explain</c> should show.</summary>
public sealed class ExplainLinkTests
{
    [Fact]
    public void Goenv_overrides_names_the_variable_the_shell_and_the_env_file_disagree_on() =>
        Assert.Equal(["GOPATH"], FactsBuilder.Mac().WithGo().Export("GOPATH", "/Users/u/work").EnvFile("GOPATH", "/Users/u/old")
            .Build().Fails("goenv.overrides").Explain);

    [Fact]
    public void Goenv_overrides_names_goroot_when_the_env_file_sets_it() =>
        Assert.Equal(["GOROOT"], FactsBuilder.Mac().WithGo().EnvFile("GOROOT", "/usr/local/go").Build().Fails("goenv.overrides").Explain);

    [Fact]
    public void Goroot_mismatch_names_goroot() =>
        Assert.Equal(["GOROOT"], FactsBuilder.Mac().WithGo().Export("GOROOT", "/opt/gone").Missing("/opt/gone").Build().Fails("goroot.mismatch").Explain);

    [Fact]
    public void Goland_goroot_differs_names_goroot_and_the_go_on_path() =>
        Assert.Equal(["GOROOT", "go"], FactsBuilder.Mac().WithGo().GoLand().Project("svc", goroot: "/Users/u/sdk/go1.21.0").Dir("/Users/u/sdk/go1.21.0")
            .Build().Fails("goland.goroot-differs").Explain);

    [Fact]
    public void Gui_differs_names_each_variable_that_differs_and_go_for_a_path_without_the_terminals_go()
    {
        var facts = FactsBuilder.Mac().WithGo().Export("GOPATH", "/Users/u/go").Build() with
        {
            Desktop = new DesktopSessionFacts
            {
                Source = "launchctl getenv",
                Variables = new Dictionary<string, string> { ["GOPATH"] = "/Users/u/other", ["PATH"] = "/usr/bin:/bin" },
            },
        };

        Assert.Equal(["GOPATH", "go"], facts.Fails("env.gui-differs").Explain);
    }

    [Fact]
    public void A_finding_about_something_else_links_to_nothing() =>
        Assert.Empty(FactsBuilder.Mac().PathIs("/usr/local/go/bin").Build().Fails("path.broken").Explain);
}
