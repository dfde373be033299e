using GoWatch.Checks.Facts;
using GoWatch.Checks.Probes;
using GoWatch.Checks.Tests.Support;
using GoWatch.Platform.Service;

namespace GoWatch.Checks.Tests.Desktop;

/// <summary><c>env.gui-differs</c>: GoLand started from the Dock sees the desktop session's environment, not the shell's.</summary>
public sealed class GuiEnvironmentDiffersCheckTests
{
    private const string Id = "env.gui-differs";

    private static MachineFacts With(FactsBuilder builder, params (string Name, string Value)[] session) =>
        builder.Build() with
        {
            Desktop = new DesktopSessionFacts
            {
                Source = "launchctl getenv",
                Variables = session.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal),
            },
        };

    [Fact]
    public void A_goroot_set_with_launchctl_that_differs_from_the_shell_is_reported_with_both_lines()
    {
        var facts = With(FactsBuilder.Mac().WithGo("/opt/homebrew/opt/go/libexec").Export("GOROOT", "/opt/homebrew/opt/go/libexec", line: 4),
            ("GOROOT", "/usr/local/go"));

        var finding = facts.Fails(Id);

        Assert.Contains("GOROOT", finding.Title);
        Assert.Contains("it sets GOROOT=/usr/local/go, the login shell GOROOT=/opt/homebrew/opt/go/libexec", finding.Detail);
        Assert.Contains(finding.Evidence, e => e.Text == "launchctl getenv: GOROOT=/usr/local/go");
        Assert.Contains(finding.Evidence, e => e.File == FactsBuilder.Zshrc && e.Line == 4);
        Assert.Contains("launchctl setenv GOROOT /opt/homebrew/opt/go/libexec", finding.Fix);
    }

    [Fact]
    public void Modules_switched_off_only_for_the_desktop_is_reported_with_an_unsetenv_fix()
    {
        var facts = With(FactsBuilder.Mac().WithGo(), ("GO111MODULE", "off"));

        var finding = facts.Fails(Id);

        Assert.Contains("it sets GO111MODULE=off, which the login shell does not set", finding.Detail);
        Assert.Contains("launchctl unsetenv GO111MODULE", finding.Fix);
    }

    [Fact]
    public void A_desktop_path_without_the_directory_of_the_terminals_go_is_reported()
    {
        var facts = With(FactsBuilder.Mac().WithGo("/usr/local/go"), ("PATH", "/usr/bin:/bin:/usr/sbin:/sbin"));

        var finding = facts.Fails(Id);

        Assert.Contains("its PATH lacks /usr/local/go/bin, where the terminal's go is", finding.Detail);
    }

    [Fact]
    public void A_session_that_sets_the_same_values_as_the_shell_passes()
    {
        var facts = With(FactsBuilder.Mac().WithGo("/usr/local/go").Export("GOPATH", "/Users/u/work"),
            ("GOPATH", "/Users/u/work"), ("PATH", "/usr/local/go/bin:/usr/bin:/bin"), ("GOPROXY", "direct"));

        facts.Passes(Id);
    }

    [Fact]
    public void A_session_that_could_not_be_read_is_skipped_with_the_reason()
    {
        var facts = FactsBuilder.Linux().WithGo().Build() with { Desktop = DesktopSessionFacts.NotRead("systemctl was not found (no systemd user session)") };

        Assert.Equal("the desktop session could not be read: systemctl was not found (no systemd user session)", facts.Skips(Id));
    }

    [Fact]
    public void A_shell_that_gave_no_environment_is_skipped()
    {
        var facts = With(FactsBuilder.Mac().NoShellEnvironment(), ("GOROOT", "/usr/local/go"));

        facts.Skips(Id);
    }

    [Fact]
    public async Task The_systemd_user_environment_read_through_systemctl_makes_the_check_fire_on_Linux()
    {
        using var s = Scenario.Mac().WithPlatform(GoWatch.Platform.PlatformKind.Linux);
        s.Zshrc("export GOPATH=\"$HOME/work\"");
        using var systemctl = FakeSessionTool.Systemctl("HOME=/home/u\nGOPATH=/srv/gopath\nLANG=$'C.UTF-8'\n");
        var probe = new DesktopSessionProbe(new ToolLocator([systemctl.Root]));

        var desktop = await probe.ProbeAsync(s.Settings(), TimeSpan.FromSeconds(10), CancellationToken.None);
        var facts = await s.FactsAsync();
        var finding = (facts with { Desktop = desktop }).Fails(Id);

        Assert.Equal("systemctl --user show-environment", desktop.Source);
        Assert.Equal("C.UTF-8", desktop.Get("LANG"));
        Assert.Contains($"it sets GOPATH=/srv/gopath, the login shell GOPATH={Path.Combine(s.Home, "work")}", finding.Detail);
        Assert.Contains("systemctl --user set-environment GOPATH=", finding.Fix);
    }

    [Fact]
    public async Task A_systemctl_without_a_user_bus_leaves_the_session_unread_with_its_message()
    {
        using var s = Scenario.Mac().WithPlatform(GoWatch.Platform.PlatformKind.Linux);
        using var systemctl = FakeSessionTool.Systemctl("", exit: 1, stderr: "Failed to connect to bus: No medium found");

        var desktop = await new DesktopSessionProbe(new ToolLocator([systemctl.Root])).ProbeAsync(s.Settings(), TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.False(desktop.WasRead);
        Assert.Equal("systemctl --user show-environment failed (exit 1): Failed to connect to bus: No medium found", desktop.SkipReason);
    }

    [Fact]
    public async Task Launchctl_getenv_is_asked_name_by_name_and_unset_names_are_left_out()
    {
        using var s = Scenario.Mac();
        using var launchctl = FakeSessionTool.Launchctl(new Dictionary<string, string> { ["GOROOT"] = "/usr/local/go", ["GOFLAGS"] = "-mod=mod" });

        var desktop = await new DesktopSessionProbe(new ToolLocator([launchctl.Root])).ProbeAsync(s.Settings(), TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.True(desktop.WasRead);
        Assert.Equal(new Dictionary<string, string> { ["GOROOT"] = "/usr/local/go", ["GOFLAGS"] = "-mod=mod" }, desktop.Variables);
    }

    [Fact]
    public async Task The_session_of_another_home_is_not_read_for_a_setup_under_a_sandbox_home()
    {
        using var s = Scenario.Mac().WithPlatform(GoWatch.Platform.PlatformKind.Linux);
        using var systemctl = FakeSessionTool.Systemctl("GOROOT=/elsewhere\n");

        var desktop = await new DesktopSessionProbe(new ToolLocator([systemctl.Root]), "/home/someone").ProbeAsync(s.Settings(), TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal($"the desktop session is the one of /home/someone, not of {s.Home}", desktop.SkipReason);
        Assert.Empty(desktop.Variables);
    }
}
