using GoWatch.Checks.Facts;
using GoWatch.Checks.Tests.Support;
using GoWatch.Checks.Toolchain;

namespace GoWatch.Checks.Tests.Toolchain;

/// <summary>Which toolchain a terminal's go runs in a project, over hand-built facts.</summary>
public sealed class ToolchainSelectionTests
{
    private static ProjectToolchain Only(FactsBuilder builder) => Assert.Single(ToolchainSelection.Of(builder.Build()));

    [Fact]
    public void Gotoolchain_local_refuses_a_go_line_newer_than_the_bundled_go_with_gos_own_message()
    {
        var project = Only(FactsBuilder.Mac().WithGo(version: "go1.22.5").Export("GOTOOLCHAIN", "local", line: 7).Project("api", goModVersion: "1.23.1"));

        Assert.Equal(ToolchainOutcome.TooOld, project.Outcome);
        Assert.Null(project.Runs);
        Assert.Contains("go.mod requires go >= 1.23.1 (running go 1.22.5; GOTOOLCHAIN=local)", project.Story);
        Assert.Equal([(FactsBuilder.Home + "/GolandProjects/api/go.mod", 3), (FactsBuilder.Zshrc, 7)], project.Evidence.Select(e => (e.File, e.Line ?? 0)));
    }

    [Fact]
    public void A_go_1_22_line_is_met_by_go_1_22_0_under_gotoolchain_local()
    {
        var project = Only(FactsBuilder.Mac().WithGo(version: "go1.22.0").Export("GOTOOLCHAIN", "local").Project("api", goModVersion: "1.22"));

        Assert.Equal(ToolchainOutcome.Default, project.Outcome);
        Assert.Equal("go1.22.0", project.Runs);
    }

    [Fact]
    public void A_go_1_22_line_is_met_by_a_release_candidate_but_a_go_1_22_0_line_is_not()
    {
        Assert.Equal(ToolchainOutcome.Default, Only(FactsBuilder.Mac().WithGo(version: "go1.22rc1").Export("GOTOOLCHAIN", "local").Project("api", goModVersion: "1.22")).Outcome);
        Assert.Equal(ToolchainOutcome.TooOld, Only(FactsBuilder.Mac().WithGo(version: "go1.22rc1").Export("GOTOOLCHAIN", "local").Project("api", goModVersion: "1.22.0")).Outcome);
    }

    [Fact]
    public void Gotoolchain_auto_switches_a_go_1_23_line_to_go1_23_0()
    {
        var project = Only(FactsBuilder.Mac().WithGo(version: "go1.22.5").GoEnv("GOTOOLCHAIN", "auto").Project("api", goModVersion: "1.23"));

        Assert.Equal(ToolchainOutcome.Switches, project.Outcome);
        Assert.Equal("go1.23.0", project.Runs);
        Assert.Contains("downloads it", project.Story);
    }

    [Fact]
    public void A_newer_toolchain_line_wins_over_the_go_line_when_go_may_switch()
    {
        var project = Only(FactsBuilder.Mac().WithGo(version: "go1.22.5").GoEnv("GOTOOLCHAIN", "auto").Project("api", goModVersion: "1.23", toolchain: "go1.23.4"));

        Assert.Equal("go1.23.4", project.Runs);
        Assert.Contains("toolchain line", project.Story);
        Assert.Equal(4, project.Evidence[0].Line);
    }

    [Fact]
    public void A_named_default_with_auto_runs_that_toolchain_until_go_mod_asks_for_a_newer_one()
    {
        static FactsBuilder Machine() => FactsBuilder.Mac().WithGo(version: "go1.22.5").EnvFile("GOTOOLCHAIN", "go1.23.1+auto");

        var met = Only(Machine().Project("old", goModVersion: "1.22"));
        var newer = Only(Machine().Project("new", goModVersion: "1.24.0"));

        Assert.Equal((ToolchainOutcome.Default, "go1.23.1"), (met.Outcome, met.Runs));
        Assert.Equal((ToolchainOutcome.Switches, "go1.24.0"), (newer.Outcome, newer.Runs));
        Assert.Equal(FactsBuilder.EnvFilePath, newer.SettingEvidence!.File);
    }

    [Fact]
    public void A_pinned_toolchain_older_than_the_go_line_is_refused()
    {
        var project = Only(FactsBuilder.Mac().WithGo(version: "go1.23.1").Export("GOTOOLCHAIN", "go1.21.0").Project("api", goModVersion: "1.22"));

        Assert.Equal(ToolchainOutcome.TooOld, project.Outcome);
        Assert.Contains("GOTOOLCHAIN=go1.21.0 never switches: go stops with \"go.mod requires go >= 1.22 (running go 1.21.0)\"", project.Story);
    }

    [Fact]
    public void A_toolchain_line_gotoolchain_local_does_not_run_is_a_preference_ignored_not_a_refusal()
    {
        var project = Only(FactsBuilder.Mac().WithGo(version: "go1.22.5").Export("GOTOOLCHAIN", "local").Project("api", goModVersion: "1.21.0", toolchain: "go1.23.1"));

        Assert.Equal(ToolchainOutcome.PreferenceIgnored, project.Outcome);
        Assert.Equal("go1.22.5", project.Runs);
    }

    [Fact]
    public void A_toolchain_default_line_keeps_go_from_switching_so_a_newer_go_line_is_refused() =>
        Assert.Equal(ToolchainOutcome.TooOld,
            Only(FactsBuilder.Mac().WithGo(version: "go1.22.5").GoEnv("GOTOOLCHAIN", "auto").Project("api", goModVersion: "1.23.0", toolchain: "default")).Outcome);

    [Fact]
    public void Gotoolchain_path_runs_the_toolchain_found_on_path()
    {
        var project = Only(FactsBuilder.Mac().WithGo(version: "go1.22.5").Export("GOTOOLCHAIN", "path").Project("api", goModVersion: "1.23.1")
            .Missing("/usr/local/go/bin/go1.23.1").Missing("/usr/bin/go1.23.1").Missing("/bin/go1.23.1").Missing("/usr/sbin/go1.23.1").Missing("/sbin/go1.23.1")
            .Executable(FactsBuilder.Home + "/go/bin/go1.23.1", "arm64"));

        Assert.Equal(ToolchainOutcome.Switches, project.Outcome);
        Assert.Contains($"runs {FactsBuilder.Home}/go/bin/go1.23.1 from PATH", project.Story);
    }

    [Fact]
    public void Gotoolchain_path_without_the_toolchain_on_path_fails()
    {
        var project = Only(FactsBuilder.Mac().WithGo(version: "go1.22.5").Export("GOTOOLCHAIN", "path").Project("api", goModVersion: "1.23.1")
            .Missing("/usr/local/go/bin/go1.23.1").Missing("/usr/bin/go1.23.1").Missing("/bin/go1.23.1").Missing("/usr/sbin/go1.23.1").Missing("/sbin/go1.23.1")
            .Missing(FactsBuilder.Home + "/go/bin/go1.23.1"));

        Assert.Equal(ToolchainOutcome.TooOld, project.Outcome);
        Assert.Contains("cannot find \\\"go1.23.1\\\" in PATH", project.Story);
    }

    [Fact]
    public void Gotoolchain_path_without_path_facts_says_what_it_would_do()
    {
        var project = Only(FactsBuilder.Mac().WithGo(version: "go1.22.5").Export("GOTOOLCHAIN", "path").Project("api", goModVersion: "1.23.1"));

        Assert.Equal(ToolchainOutcome.Switches, project.Outcome);
        Assert.Contains("when a program of that name is on PATH", project.Story);
    }

    [Theory]
    [InlineData("1.22", null, "fails at the first newer feature")]
    [InlineData("1.21.0", null, "invalid go version '1.21.0': must match format 1.23")]
    [InlineData("1.19", "go1.22.5", "unknown directive: toolchain")]
    public void A_go_older_than_1_21_cannot_switch_whatever_gotoolchain_says(string goLine, string? toolchain, string story)
    {
        var project = Only(FactsBuilder.Linux().WithGo(version: "go1.19.8").Export("GOTOOLCHAIN", "auto").Project("api", goModVersion: goLine, toolchain: toolchain));

        Assert.Equal(ToolchainOutcome.TooOld, project.Outcome);
        Assert.Contains(story, project.Story);
        Assert.Null(project.Setting);
    }

    [Fact]
    public void A_go_older_than_1_21_runs_a_project_that_asks_for_no_more()
    {
        var project = Only(FactsBuilder.Linux().WithGo(version: "go1.19.8").Project("api", goModVersion: "1.18"));

        Assert.Equal((ToolchainOutcome.Default, "go1.19.8"), (project.Outcome, project.Runs));
    }

    [Fact]
    public void An_invalid_gotoolchain_is_said_to_stop_every_go_command()
    {
        var project = Only(FactsBuilder.Mac().WithGo(version: "go1.22.5").Export("GOTOOLCHAIN", "newest").Project("api", goModVersion: "1.22"));

        Assert.Equal(ToolchainOutcome.Unknown, project.Outcome);
        Assert.Contains("invalid GOTOOLCHAIN", project.Story);
    }

    [Fact]
    public void The_bundled_version_is_read_from_the_roots_version_file_before_go_version_which_reports_a_switched_toolchain()
    {
        var facts = FactsBuilder.Mac().WithGo(version: "go1.22.5").Project("api", goModVersion: "1.22").Build();
        facts = facts with { Go = facts.Go! with { Version = "go1.23.1", Env = new Dictionary<string, string> { ["GOVERSION"] = "go1.23.1" } } };

        Assert.Equal("1.22.5", ToolchainSelection.Bundled(facts)!.Text);
    }

    [Fact]
    public void In_goland_a_project_goroot_older_than_the_go_line_is_too_old_while_the_terminals_go_switches()
    {
        var facts = FactsBuilder.Mac().WithGo(version: "go1.23.1").GoEnv("GOTOOLCHAIN", "auto").Project("api", goroot: "/Users/u/sdk/go1.21.0", goModVersion: "1.22")
            .EnvFile("GOTOOLCHAIN", "local").Build();
        var project = facts.GoLand.Projects[0] with { GorootVersion = "go1.21.0" };

        var goland = ToolchainSelection.InGoLand(facts, project);

        Assert.NotNull(goland);
        Assert.Equal(ToolchainOutcome.TooOld, goland.Outcome);
        Assert.Contains("go1.21.0 (GoLand's Go at /Users/u/sdk/go1.21.0) is older and GOTOOLCHAIN=local never switches", goland.Story);
        Assert.Equal(FactsBuilder.EnvFilePath, goland.SettingEvidence!.File);
    }

    [Fact]
    public void In_goland_the_projects_own_gotoolchain_beats_the_go_env_file()
    {
        var facts = FactsBuilder.Mac().WithGo().EnvFile("GOTOOLCHAIN", "local")
            .Project("api", goroot: "/Users/u/sdk/go1.22.5", goModVersion: "1.23.1", environment: new Dictionary<string, string> { ["GOTOOLCHAIN"] = "auto" }).Build();
        var project = facts.GoLand.Projects[0] with { GorootVersion = "go1.22.5" };

        var goland = ToolchainSelection.InGoLand(facts, project)!;

        Assert.Equal((ToolchainOutcome.Switches, "go1.23.1"), (goland.Outcome, goland.Runs));
        Assert.Equal(6, goland.SettingEvidence!.Line);
    }

    [Fact]
    public void In_goland_a_project_without_goroot_uses_golands_only_sdk_and_the_desktop_sessions_gotoolchain()
    {
        var facts = FactsBuilder.Mac().WithGo().Project("api", goModVersion: "1.23.1").Build();
        facts = facts with
        {
            GoLand = facts.GoLand with
            {
                ConfigDirectory = "/Users/u/Library/Application Support/JetBrains/GoLand2024.3",
                Sdks = [new GoLandSdk("/opt/homebrew/opt/go/libexec", new Evidence("/x/go.sdk.xml", 5, "<option value=\"file:///opt/homebrew/opt/go/libexec\" />"), "go1.23.2")],
            },
            Desktop = new DesktopSessionFacts { Source = "launchctl getenv", Variables = new Dictionary<string, string> { ["GOTOOLCHAIN"] = "local" } },
        };

        var goland = ToolchainSelection.InGoLand(facts, facts.GoLand.Projects[0])!;

        Assert.Equal((ToolchainOutcome.Default, "go1.23.2"), (goland.Outcome, goland.Runs));
        Assert.Equal("launchctl getenv: GOTOOLCHAIN=local", goland.SettingEvidence!.Text);
    }

    [Fact]
    public void In_goland_with_several_sdks_and_no_project_goroot_the_go_is_unknown_so_nothing_is_claimed()
    {
        var facts = FactsBuilder.Mac().WithGo().Project("api", goModVersion: "1.23.1").GoLandSdk("/opt/a").GoLandSdk("/opt/b").Build();

        Assert.Null(ToolchainSelection.InGoLand(facts, facts.GoLand.Projects[0]));
    }
}
