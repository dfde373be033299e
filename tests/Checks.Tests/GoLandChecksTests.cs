using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests;

/// <summary>GoLand settings: project GOROOT, SDK list, modules integration, malformed XML.</summary>
public sealed class GoLandChecksTests
{
    private static Scenario WithGo()
    {
        var s = Scenario.Mac();
        s.FakeGo(s.Sys("/usr/local/go"), new FakeGo());
        s.Zshrc($"export PATH={Scenario.Sh(s.Sys("/usr/local/go/bin"))}:\"$PATH:$HOME/go/bin\"");
        return s;
    }

    private static string Recent(params string[] paths) =>
        $"""
        <application>
          <component name="RecentProjectsManager">
            <option name="additionalInfo">
              <map>
                {string.Join("\n", paths.Select(p => $"<entry key=\"{System.Security.SecurityElement.Escape(p)}\"><value><RecentProjectMetaInfo /></value></entry>"))}
              </map>
            </option>
          </component>
        </application>
        """;

    [Fact]
    public async Task Recent_project_with_a_removed_goroot_is_missing_and_blames_workspace_line()
    {
        using var s = WithGo();
        var dir = s.Project("awesome", Scenario.Workspace(gorootUrl: "file://$USER_HOME$/sdk/go1.18"), "module a\n\ngo 1.18\n");
        s.GoLandOptions("recentProjects.xml", Recent("$USER_HOME$/GolandProjects/awesome"));
        var report = await s.VerifyAsync("goland.goroot-missing");
        var evidence = Assert.Single(report.Fires("goland.goroot-missing").Evidence);
        Assert.Equal(Path.Combine(dir, ".idea", "workspace.xml"), evidence.File);
        Assert.Equal(3, evidence.Line);
    }

    [Fact]
    public async Task Without_goland_or_watched_projects_the_goland_checks_are_skipped_not_passed()
    {
        using var s = WithGo();
        var report = await s.VerifyAsync();
        foreach (var id in new[] { "goland.goroot-missing", "goland.goroot-differs", "goland.modules-disabled" })
        {
            Assert.DoesNotContain(id, report.Passed);
            Assert.Contains("GoLand is not installed", report.Skipped.Single(k => k.Id == id).Reason);
        }
    }

    [Fact]
    public async Task Sdk_registered_in_go_sdk_xml_that_is_gone_is_missing()
    {
        using var s = WithGo();
        s.GoLandOptions("go.sdk.xml", """
            <application>
              <component name="GoSdkList">
                <option name="sdkList">
                  <list>
                    <GoSdk><option name="homeUrl" value="file:///opt/homebrew/Cellar/go/1.17/libexec" /></GoSdk>
                  </list>
                </option>
              </component>
            </application>
            """);
        var report = await s.VerifyAsync("goland.goroot-missing");
        Assert.Contains("1.17", report.Fires("goland.goroot-missing").Detail);
    }

    [Fact]
    public async Task Sdks_in_the_sdk_url_set_goland_writes_are_read_with_their_lines()
    {
        using var s = WithGo();
        var options = s.GoLandOptions("go.sdk.xml", """
            <application>
              <component name="GoSdkList">
                <sdk-url>
                  <set>
                    <option value="file:///opt/homebrew/opt/go/libexec" />
                    <option value="file://$USER_HOME$/sdk/go1.22.5" />
                  </set>
                </sdk-url>
              </component>
            </application>
            """);

        var facts = await s.FactsAsync();

        Assert.Equal(["/opt/homebrew/opt/go/libexec", Path.Combine(s.Home, "sdk", "go1.22.5")], facts.GoLand.Sdks.Select(k => k.Home));
        Assert.Equal([(options, 5), (options, 6)], facts.GoLand.Sdks.Select(k => (k.Evidence.File!, k.Evidence.Line ?? 0)));
    }

    [Fact]
    public async Task The_go_release_of_a_project_goroot_and_of_an_sdk_is_read_from_its_version_file()
    {
        using var s = WithGo();
        var sdk = s.Sys("/sdk/go1.21.0");
        s.FakeGo(sdk, new FakeGo { Version = "go1.21.0" });
        s.GoLandOptions("go.sdk.xml", $"""
            <application>
              <component name="GoSdkList">
                <sdk-url><set><option value="file://{sdk}" /></set></sdk-url>
              </component>
            </application>
            """);
        s.ProjectDirs.Add(s.Project("svc", Scenario.Workspace(gorootUrl: "file://" + sdk), "module svc\n\ngo 1.22\n"));

        var facts = await s.FactsAsync();

        Assert.Equal("go1.21.0", Assert.Single(facts.GoLand.Sdks).Version);
        Assert.Equal("go1.21.0", Assert.Single(facts.GoLand.Projects).GorootVersion);
    }

    [Fact]
    public async Task An_older_goland_sdk_path_set_is_read_and_a_gone_sdk_in_it_is_missing()
    {
        using var s = WithGo();
        s.GoLandOptions("go.sdk.xml", """
            <application>
              <component name="GoSdkList">
                <sdk-path>
                  <set>
                    <option value="$USER_HOME$/.goenv/versions/1.11.2" />
                  </set>
                </sdk-path>
              </component>
            </application>
            """);

        var report = await s.VerifyAsync("goland.goroot-missing");

        Assert.Contains(Path.Combine(s.Home, ".goenv", "versions", "1.11.2"), report.Fires("goland.goroot-missing").Detail);
    }

    [Fact]
    public async Task Malformed_workspace_xml_is_a_finding_not_a_crash()
    {
        using var s = WithGo();
        s.ProjectDirs.Add(s.Project("broken", "<project><component name=\"GOROOT\" url=", "module b\n"));
        var report = await s.VerifyAsync();
        Assert.Contains("not valid XML", report.Fires("goland.goroot-missing").Detail);
    }

    [Fact]
    public async Task Project_goroot_matching_the_shell_go_is_neither_missing_nor_different()
    {
        using var s = WithGo();
        s.ProjectDirs.Add(s.Project("ok", Scenario.Workspace(gorootUrl: "file://" + s.Sys("/usr/local/go"), modules: true), "module ok\n\ngo 1.22\n"));
        var report = await s.VerifyAsync("goland.goroot-missing", "goland.goroot-differs", "goland.modules-disabled");
        report.Passes("goland.goroot-missing");
        report.Passes("goland.goroot-differs");
        report.Passes("goland.modules-disabled");
    }

    [Fact]
    public async Task Project_using_homebrew_go_while_terminal_runs_official_go_differs()
    {
        using var s = WithGo();
        s.FakeGo(s.Sys("/opt/homebrew/opt/go/libexec"), new FakeGo());
        s.ProjectDirs.Add(s.Project("brew", Scenario.Workspace(gorootUrl: "file://" + s.Sys("/opt/homebrew/opt/go/libexec")), null));
        var report = await s.VerifyAsync("goland.goroot-differs");
        report.Fires("goland.goroot-differs");
    }

    [Fact]
    public async Task Older_path_attribute_and_project_dir_macro_are_understood()
    {
        using var s = WithGo();
        var dir = s.Project("old", """<project version="4"><component name="GOROOT" path="$PROJECT_DIR$/../../sdk/go1.16" /></project>""", null);
        s.ProjectDirs.Add(dir);
        var facts = await s.FactsAsync();
        Assert.Equal(Path.Combine(dir, "../../sdk/go1.16"), Assert.Single(facts.GoLand.Projects).Goroot);
    }

    [Fact]
    public async Task Modules_integration_off_with_go_mod_is_disabled()
    {
        using var s = WithGo();
        s.ProjectDirs.Add(s.Project("gopathmode", Scenario.Workspace(modules: false), "module g\n\ngo 1.22\n"));
        var report = await s.VerifyAsync("goland.modules-disabled");
        report.Fires("goland.modules-disabled");
    }

    [Fact]
    public async Task Modules_integration_off_without_go_mod_is_not_checked()
    {
        using var s = WithGo();
        s.ProjectDirs.Add(s.Project("legacy", Scenario.Workspace(modules: false), null));
        var report = await s.VerifyAsync("goland.modules-disabled");
        report.IsSkipped("goland.modules-disabled");
        report.DoesNotFire("goland.modules-disabled");
    }

    [Fact]
    public async Task Go111module_off_in_goland_project_environment_turns_modules_off()
    {
        using var s = WithGo();
        s.ProjectDirs.Add(s.Project("env", Scenario.Workspace(go111module: "off"), "module e\n"));
        var report = await s.VerifyAsync("modules.off");
        Assert.Contains(report.Fires("modules.off").Evidence, e => e.File!.EndsWith("workspace.xml"));
    }
}
