using GoWatch.Checks.Tests.Support;
using GoWatch.Platform.Processes;
using GoWatch.Checks.Toolchain;

namespace GoWatch.Checks.Tests.Toolchain;

/// <summary>
/// toolchain.too-old and the toolchain selection over real go.mod files in a temp HOME, with this
/// machine's real Go (Debian's golang-go) and fake go scripts only for the releases it is not.
/// </summary>
public sealed class ToolchainScenarioTests
{
    private static string OnPath(string root) => $"export PATH={Scenario.Sh(Path.Combine(root, "bin"))}:$PATH";

    [Fact]
    public async Task The_real_debian_go_is_too_old_for_a_go_1_22_line_and_cannot_switch()
    {
        using var s = Scenario.ThisLinuxMachine();
        s.Zshrc("export GOTOOLCHAIN=auto");
        s.ProjectDirs.Add(s.Project("api", null, "module example.com/api\n\ngo 1.22\n"));
        var facts = await s.FactsAsync();
        var bundled = ToolchainSelection.Bundled(facts);
        Assert.True(bundled is not null && bundled.IsOlderThan(ToolchainSelection.FirstSwitchingRelease), $"needs Debian 12's golang-go (1.19); this go is {bundled}");

        var report = await s.VerifyAsync("toolchain.too-old");

        var finding = report.Fires("toolchain.too-old");
        Assert.Contains($"go {bundled} predates toolchain switching (Go 1.21) and ignores GOTOOLCHAIN", finding.Detail);
        Assert.Contains(finding.Evidence, e => e.File == Path.Combine(s.Home, "GolandProjects", "api", "go.mod") && e.Line == 3 && e.Text == "go 1.22");
        Assert.StartsWith("Install Go 1.22.0 or newer", finding.Fix);
    }

    [Fact]
    public async Task The_real_debian_go_cannot_read_a_toolchain_line_and_go_itself_agrees()
    {
        using var s = Scenario.ThisLinuxMachine();
        s.Zshrc("export EDITOR=vi");
        var dir = s.Project("tools", null, "module example.com/tools\n\ngo 1.19\n\ntoolchain go1.22.5\n");
        s.ProjectDirs.Add(dir);
        var facts = await s.FactsAsync();
        Assert.True(ToolchainSelection.Bundled(facts) is { } b && b.IsOlderThan(ToolchainSelection.FirstSwitchingRelease), "needs Debian 12's golang-go (1.19)");

        var project = Assert.Single(ToolchainSelection.Of(facts));
        var build = await ProcessRunner.RunAsync(new ProcessSpec(facts.Go!.Path!, ["mod", "edit", "-json"])
        {
            WorkingDirectory = dir,
            Environment = facts.Shell.Environment!,
            Timeout = TimeSpan.FromSeconds(30),
        }, CancellationToken.None);

        Assert.Equal(ToolchainOutcome.TooOld, project.Outcome);
        Assert.Contains("unknown directive: toolchain", project.Story);
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("unknown directive: toolchain", build.Stderr);
    }

    [Fact]
    public async Task The_real_debian_go_cannot_read_a_three_part_go_line_and_go_itself_agrees()
    {
        using var s = Scenario.ThisLinuxMachine();
        s.Zshrc("export EDITOR=vi");
        var dir = s.Project("svc", null, "module example.com/svc\n\ngo 1.21.0\n");
        s.ProjectDirs.Add(dir);
        var facts = await s.FactsAsync();

        var project = Assert.Single(ToolchainSelection.Of(facts));
        var edit = await ProcessRunner.RunAsync(new ProcessSpec(facts.Go!.Path!, ["mod", "edit", "-json"])
        {
            WorkingDirectory = dir,
            Environment = facts.Shell.Environment!,
            Timeout = TimeSpan.FromSeconds(30),
        }, CancellationToken.None);

        Assert.Equal(ToolchainOutcome.TooOld, project.Outcome);
        Assert.Contains("invalid go version '1.21.0': must match format 1.23", project.Story);
        Assert.Contains("invalid go version '1.21.0': must match format 1.23", edit.Stderr);
    }

    [Fact]
    public async Task The_real_debian_go_runs_a_project_that_asks_for_no_newer_go()
    {
        using var s = Scenario.ThisLinuxMachine();
        s.Zshrc("export EDITOR=vi");
        s.ProjectDirs.Add(s.Project("old", null, "module example.com/old\n\ngo 1.18\n"));

        var report = await s.VerifyAsync("toolchain.too-old");

        report.Passes("toolchain.too-old");
    }

    [Fact]
    public async Task Gotoolchain_local_in_the_go_env_file_with_a_newer_go_line_is_too_old_and_the_fix_rewrites_the_env_file()
    {
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { Version = "go1.22.5", Extra = { ["GOTOOLCHAIN"] = "local" } });
        s.Zshrc(OnPath(root));
        s.GoEnvFile("GOTOOLCHAIN=local");
        s.ProjectDirs.Add(s.Project("api", null, "module api\n\ngo 1.23.1\n"));

        var report = await s.VerifyAsync("toolchain.too-old");

        var finding = report.Fires("toolchain.too-old");
        Assert.Contains("go.mod requires go >= 1.23.1 (running go 1.22.5; GOTOOLCHAIN=local)", finding.Detail);
        Assert.Contains(finding.Evidence, e => e.File == Path.Combine(s.Home, ".config", "go", "env") && e.Line == 1);
        Assert.EndsWith("or let go fetch it: go env -w GOTOOLCHAIN=auto.", finding.Fix);
    }

    [Fact]
    public async Task Gotoolchain_exported_local_is_blamed_on_its_line_and_the_fix_deletes_it()
    {
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { Version = "go1.22.5", Extra = { ["GOTOOLCHAIN"] = "local" } });
        s.Zshrc(OnPath(root), "export GOTOOLCHAIN=local");
        s.ProjectDirs.Add(s.Project("api", null, "module api\n\ngo 1.23\n"));

        var finding = (await s.VerifyAsync("toolchain.too-old")).Fires("toolchain.too-old");

        Assert.Contains(finding.Evidence, e => e.File == Path.Combine(s.Home, ".zshrc") && e.Line == 2);
        Assert.Contains($"delete the GOTOOLCHAIN export at {Path.Combine(s.Home, ".zshrc")}:2", finding.Fix);
        Assert.DoesNotContain("go env -w", finding.Fix);
    }

    [Fact]
    public async Task Gotoolchain_path_finds_the_wanted_toolchain_on_the_shells_path()
    {
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { Version = "go1.22.5", Extra = { ["GOTOOLCHAIN"] = "path" } });
        var extra = s.Sys("/opt/toolchains/bin");
        Executables.Write(Path.Combine(extra, "go1.23.1"), "#!/bin/sh\nexit 0\n");
        s.Zshrc(OnPath(root), $"export PATH=\"$PATH\":{Scenario.Sh(extra)}");
        s.ProjectDirs.Add(s.Project("api", null, "module api\n\ngo 1.23.1\n"));
        s.ProjectDirs.Add(s.Project("next", null, "module next\n\ngo 1.24.0\n"));

        var facts = await s.FactsAsync();
        var projects = ToolchainSelection.Of(facts);

        Assert.Equal(ToolchainOutcome.Switches, projects[0].Outcome);
        Assert.Contains($"runs {Path.Combine(extra, "go1.23.1")} from PATH", projects[0].Story);
        Assert.Equal(ToolchainOutcome.TooOld, projects[1].Outcome);
        Assert.Contains("cannot find \\\"go1.24.0\\\" in PATH", projects[1].Story);
    }

    [Fact]
    public async Task A_project_from_golands_recent_projects_is_checked_like_a_watched_one()
    {
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { Version = "go1.21.3", Extra = { ["GOTOOLCHAIN"] = "local" } });
        s.Zshrc(OnPath(root));
        s.Project("recent", null, "module recent\n\ngo 1.22\n");
        s.GoLandOptions("recentProjects.xml", """
            <application>
              <component name="RecentProjectsManager">
                <option name="additionalInfo">
                  <map>
                    <entry key="$USER_HOME$/GolandProjects/recent"><value><RecentProjectMetaInfo /></value></entry>
                  </map>
                </option>
              </component>
            </application>
            """);

        var finding = (await s.VerifyAsync("toolchain.too-old")).Fires("toolchain.too-old");

        Assert.Contains("go.mod requires go >= 1.22 (running go 1.21.3; GOTOOLCHAIN=local)", finding.Detail);
        Assert.Contains(finding.Evidence, e => e.File == Path.Combine(s.Home, "GolandProjects", "recent", "go.mod") && e.Line == 3);
        Assert.EndsWith("or let go fetch it: go env -w GOTOOLCHAIN=auto.", finding.Fix);
    }

    [Fact]
    public async Task A_go_mod_that_cannot_be_read_is_not_taken_for_one_without_a_go_line()
    {
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { Version = "go1.22.5", Extra = { ["GOTOOLCHAIN"] = "local" } });
        s.Zshrc(OnPath(root));
        var dir = s.Project("locked", null, null);
        // A FIFO where go.mod should be: reading it would block, so it is not read.
        var mkfifo = await ProcessRunner.RunAsync(new ProcessSpec("/usr/bin/mkfifo", [Path.Combine(dir, "go.mod")]) { Timeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);
        Assert.Equal(0, mkfifo.ExitCode);
        s.ProjectDirs.Add(dir);

        var project = Assert.Single(ToolchainSelection.Of(await s.FactsAsync()));

        Assert.Equal(ToolchainOutcome.Unknown, project.Outcome);
        Assert.StartsWith("go.mod could not be read (", project.Story);
    }
}
