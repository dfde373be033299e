using GoWatch.Checks.Tests.Support;
using GoWatch.Platform;

namespace GoWatch.Checks.Tests;

/// <summary>go.multiple-installs, install.stale-arch, symlink.dangling, homebrew.rosetta on a Mac-like tree.</summary>
public sealed class InstallationChecksTests
{
    [Fact]
    public async Task Official_and_homebrew_go_are_multiple_installs_and_the_winner_is_named()
    {
        using var s = Scenario.Mac();
        s.FakeGo(s.Sys("/usr/local/go"), new FakeGo());
        s.FakeGo(s.Sys("/opt/homebrew/Cellar/go/1.22.5/libexec"), new FakeGo());
        s.Zshrc($"export PATH={Scenario.Sh(s.Sys("/usr/local/go/bin"))}:$PATH");
        var report = await s.VerifyAsync("go.multiple-installs");
        var finding = report.Fires("go.multiple-installs");
        Assert.Contains(finding.Evidence, e => e.File == s.Sys("/usr/local/go") && e.Text!.Contains("runs"));
    }

    [Fact]
    public async Task A_go_reached_by_two_links_is_one_install()
    {
        using var s = Scenario.Mac();
        s.FakeGo(s.Sys("/usr/local/go"), new FakeGo());
        Directory.CreateDirectory(s.Sys("/usr/local/bin"));
        File.CreateSymbolicLink(s.Sys("/usr/local/bin/go"), s.Sys("/usr/local/go/bin/go"));
        s.Zshrc($"export PATH={Scenario.Sh(s.Sys("/usr/local/bin"))}:$PATH");
        var facts = await s.FactsAsync();

        // Debian's own go on /usr/bin is a second, real installation on this machine; the link is not a third.
        var install = Assert.Single(facts.Installations.Installations, i => i.Root.StartsWith(s.SystemRoot, StringComparison.Ordinal));
        Assert.Contains(s.Sys("/usr/local/bin/go"), install.SeenAt);
        Assert.True(install.IsActive);
    }

    [Fact]
    public async Task A_single_installation_is_not_multiple()
    {
        using var s = Scenario.ThisLinuxMachine();
        s.Zshrc("export EDITOR=vi");
        var report = await s.VerifyAsync("go.multiple-installs");
        report.Passes("go.multiple-installs");
    }

    [Fact]
    public async Task Intel_go_left_in_sdk_dir_is_stale_even_when_not_on_path()
    {
        using var s = Scenario.Mac().WithHostArch("arm64");
        var stale = s.MachOGo(Path.Combine(s.Home, "sdk", "go1.20.1"), Scenario.MachX8664, "go1.20.1");
        s.Zshrc("export EDITOR=vi");
        var report = await s.VerifyAsync("install.stale-arch");
        Assert.Contains(report.Fires("install.stale-arch").Evidence, e => e.File == stale);
    }

    [Fact]
    public async Task Arm64_go_at_a_well_known_location_is_not_stale()
    {
        using var s = Scenario.Mac().WithHostArch("arm64");
        s.MachOGo(s.Sys("/usr/local/go"), Scenario.MachArm64);
        s.Zshrc("export EDITOR=vi");
        var report = await s.VerifyAsync("install.stale-arch");
        report.Passes("install.stale-arch");
    }

    [Fact]
    public async Task Go_link_to_a_removed_install_is_dangling()
    {
        using var s = Scenario.Mac();
        Directory.CreateDirectory(s.Sys("/opt/homebrew/bin"));
        File.CreateSymbolicLink(s.Sys("/opt/homebrew/bin/gofmt"), "../Cellar/go/1.19/bin/gofmt");
        s.Zshrc("export EDITOR=vi");
        var report = await s.VerifyAsync("symlink.dangling");
        Assert.Contains(report.Fires("symlink.dangling").Evidence, e => e.File == s.Sys("/opt/homebrew/bin/gofmt"));
    }

    [Fact]
    public async Task Go_link_to_an_existing_install_is_not_dangling()
    {
        using var s = Scenario.Mac();
        s.FakeGo(s.Sys("/opt/homebrew/Cellar/go/1.22.5/libexec"), new FakeGo());
        Directory.CreateDirectory(s.Sys("/opt/homebrew/bin"));
        File.CreateSymbolicLink(s.Sys("/opt/homebrew/bin/go"), "../Cellar/go/1.22.5/libexec/bin/go");
        s.Zshrc("export EDITOR=vi");
        var report = await s.VerifyAsync("symlink.dangling");
        report.Passes("symlink.dangling");
    }

    [Fact]
    public async Task Intel_homebrew_on_apple_silicon_is_reported()
    {
        using var s = Scenario.Mac().WithHostArch("arm64");
        Directory.CreateDirectory(s.Sys("/usr/local/Homebrew"));
        s.Zshrc("export EDITOR=vi");
        var report = await s.VerifyAsync("homebrew.rosetta");
        report.Fires("homebrew.rosetta");
    }

    [Fact]
    public async Task Intel_homebrew_on_an_intel_mac_is_not_a_rosetta_problem_and_not_checked()
    {
        using var s = Scenario.Mac().WithHostArch("amd64");
        Directory.CreateDirectory(s.Sys("/usr/local/Homebrew"));
        s.Zshrc("export EDITOR=vi");
        var report = await s.VerifyAsync("homebrew.rosetta");
        Assert.Equal("not an Apple Silicon Mac", Assert.Single(report.Skipped).Reason);
        report.DoesNotFire("homebrew.rosetta");
    }

    [Fact]
    public async Task Paths_with_quotes_dollar_parens_and_backticks_are_inert()
    {
        // Given a HOME, a PATH entry and a GoLand project whose names try command substitution
        const string Evil = "we ird $(touch pwned) `touch pwned2` 'q\"";
        using var s = Scenario.Mac(Evil);
        var evilBin = Path.Combine(s.Home, "tools $(touch pwned3)", "bin");
        s.FakeGo(Path.GetDirectoryName(evilBin)!, new FakeGo());
        s.Zshrc($"export PATH={Scenario.Sh(evilBin)}:\"$PATH:$HOME/go/bin\"");
        s.ProjectDirs.Add(s.Project("p $(touch pwned4)", Scenario.Workspace(gorootUrl: "file://$PROJECT_DIR$/`touch pwned5`"), "module p\n\ngo 1.21\n"));

        // When verifying everything
        var report = await s.VerifyAsync();

        // Then the go in that directory ran as an argv and nothing got created anywhere
        Assert.Equal(Path.Combine(evilBin, "go"), report.Go?.Path);
        foreach (var dir in new[] { s.Home, s.Root, "/", Directory.GetCurrentDirectory(), Path.GetDirectoryName(evilBin)! })
        {
            foreach (var name in new[] { "pwned", "pwned2", "pwned3", "pwned4", "pwned5" })
            {
                Assert.False(File.Exists(Path.Combine(dir, name)), $"{name} created in {dir}");
            }
        }
    }
}
