using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests;

/// <summary>shell.startup-failed, path.broken, path.order, go.not-found with the real zsh, bash and fish.</summary>
public sealed class ShellChecksTests
{
    [Fact]
    public async Task Path_without_dollar_PATH_is_broken_and_blames_the_zshrc_line()
    {
        // Given a .zshrc that replaces PATH on its third line
        using var s = Scenario.Mac();
        var zshrc = s.Zshrc("# go setup", "export GOPATH=$HOME/go", "export PATH=/usr/local/go/bin", "alias ll='ls -l'");

        // When verifying
        var report = await s.VerifyAsync("path.broken");

        // Then path.broken blames exactly that line
        var finding = report.Fires("path.broken");
        Assert.Equal(Severity.Error, finding.Severity);
        var blame = Assert.Single(finding.Evidence, e => e.File is not null);
        Assert.Equal(zshrc, blame.File);
        Assert.Equal(3, blame.Line);
        Assert.Equal("export PATH=/usr/local/go/bin", blame.Text);
    }

    [Fact]
    public async Task Path_that_keeps_dollar_PATH_is_not_broken()
    {
        using var s = Scenario.Mac();
        s.Zshrc("export PATH=/usr/local/go/bin:$PATH");
        var report = await s.VerifyAsync("path.broken");
        report.Passes("path.broken");
    }

    [Fact]
    public async Task Empty_path_entry_is_unsafe_not_broken_and_blamed_on_its_line()
    {
        using var s = Scenario.Mac();
        var zshrc = s.Zshrc("export EDITOR=vi", "export PATH=\"$PATH::/opt/x\"");
        var report = await s.VerifyAsync("path.broken", "path.unsafe");
        report.Passes("path.broken");
        var finding = report.Fires("path.unsafe");
        Assert.Contains("empty entry", finding.Detail);
        Assert.Contains(finding.Evidence, e => e.File == zshrc && e.Line == 2);
    }

    [Fact]
    public async Task Bash_profile_that_replaces_PATH_is_blamed_on_its_line()
    {
        using var s = Scenario.Mac().WithShell("/usr/bin/bash");
        var profile = s.HomeFile(".bash_profile", "export EDITOR=vi\nexport PATH=/usr/local/go/bin\n");
        var report = await s.VerifyAsync("path.broken");
        var blame = report.Fires("path.broken").Evidence.First(e => e.File is not null);
        Assert.Equal((profile, 2), (blame.File, blame.Line));
    }

    [Fact]
    public async Task Fish_config_that_replaces_PATH_is_blamed_on_its_line()
    {
        using var s = Scenario.Mac().WithShell("/usr/bin/fish");
        var config = s.HomeFile(".config/fish/config.fish", "set -gx EDITOR vi\nset -gx PATH /usr/local/go/bin\n");
        var report = await s.VerifyAsync("path.broken");
        var blame = report.Fires("path.broken").Evidence.First(e => e.File is not null);
        Assert.Equal((config, 2), (blame.File, blame.Line));
    }

    [Fact]
    public async Task Fish_config_under_a_HOME_with_spaces_is_blamed_on_its_line()
    {
        // fish traces such a path single-quoted
        using var s = Scenario.Mac("my home").WithShell("/usr/bin/fish");
        var config = s.HomeFile(".config/fish/config.fish", "set -gx EDITOR vi\nset -gx PATH /usr/local/go/bin\n");
        var report = await s.VerifyAsync("path.broken");
        var blame = report.Fires("path.broken").Evidence.First(e => e.File is not null);
        Assert.Equal((config, 2), (blame.File, blame.Line));
    }

    [Fact]
    public async Task Syntax_error_in_zshrc_fails_startup_and_other_checks_still_report()
    {
        // Given a .zshrc with a parse error after a PATH that still works
        using var s = Scenario.Mac();
        var zshrc = s.Zshrc("export PATH=\"$PATH:$HOME/go/bin\"", "if [ x ; then", "echo never");

        // When verifying everything
        var report = await s.VerifyAsync();

        // Then startup-failed names the file, and the PATH checks still ran
        var finding = report.Fires("shell.startup-failed");
        Assert.Contains(finding.Evidence, e => e.File == zshrc && e.Text!.Contains("parse error"));
        report.Passes("path.broken");
        Assert.NotNull(report.Go);
    }

    [Fact]
    public async Task Fish_unknown_command_during_startup_is_a_warning_at_its_line_not_a_failure()
    {
        using var s = Scenario.Mac().WithShell("/usr/bin/fish");
        var config = s.HomeFile(".config/fish/config.fish", "set -gx EDITOR vi\nno_such_command_gowatch\n");
        var report = await s.VerifyAsync("shell.startup-failed", "shell.startup-warnings");
        report.Passes("shell.startup-failed");
        var finding = report.Fires("shell.startup-warnings");
        Assert.Contains(finding.Evidence, e => e.File == config && e.Line == 2);
    }

    [Fact]
    public async Task Clean_zshrc_starts_without_failure()
    {
        using var s = Scenario.Mac();
        s.Zshrc("export EDITOR=vi");
        var report = await s.VerifyAsync("shell.startup-failed");
        report.Passes("shell.startup-failed");
        Assert.NotNull(report.ShellStartupMs);
    }

    [Fact]
    public async Task Missing_login_shell_is_a_finding_and_shell_checks_are_skipped()
    {
        using var s = Scenario.Mac().WithShell("/usr/bin/no-such-shell");
        var report = await s.VerifyAsync();
        Assert.Contains("does not exist", report.Fires("shell.startup-failed").Detail);
        Assert.Contains(report.Skipped, k => k.Id == "path.broken");
        Assert.DoesNotContain("path.broken", report.Passed);
        Assert.DoesNotContain("go.not-found", report.Passed);
    }

    [Fact]
    public async Task Shell_that_hangs_is_killed_at_the_timeout_and_reported()
    {
        using var s = Scenario.Mac().WithShellTimeout(TimeSpan.FromSeconds(1));
        s.Zshrc("/bin/sleep 30");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = await s.VerifyAsync("shell.startup-failed");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        Assert.Contains("did not finish", report.Fires("shell.startup-failed").Title);
    }

    [Fact]
    public async Task No_go_on_path_is_not_found_and_go_is_null()
    {
        using var s = Scenario.Mac();
        s.Zshrc("export PATH=/usr/sbin:/sbin");
        var report = await s.VerifyAsync("go.not-found");
        report.Fires("go.not-found");
        Assert.Null(report.Go);
    }

    [Fact]
    public async Task Go_on_path_is_found()
    {
        using var s = Scenario.Mac();
        s.FakeGo(s.Sys("/usr/local/go"), new FakeGo());
        s.Zshrc($"export PATH={Scenario.Sh(s.Sys("/usr/local/go/bin"))}:$PATH");
        var report = await s.VerifyAsync("go.not-found");
        report.Passes("go.not-found");
        Assert.Equal(Path.Combine(s.Sys("/usr/local/go/bin"), "go"), report.Go!.Path);
    }

    [Fact]
    public async Task Goroot_shadowed_by_another_go_is_path_order()
    {
        // Given GOROOT=/usr/local/go but Homebrew's go first on PATH
        using var s = Scenario.Mac();
        s.FakeGo(s.Sys("/usr/local/go"), new FakeGo());
        s.FakeGo(s.Sys("/opt/homebrew/Cellar/go/1.22.5/libexec"), new FakeGo());
        var zshrc = s.Zshrc(
            $"export GOROOT={Scenario.Sh(s.Sys("/usr/local/go"))}",
            $"export PATH={Scenario.Sh(s.Sys("/opt/homebrew/Cellar/go/1.22.5/libexec/bin"))}:$GOROOT/bin:$PATH");
        var report = await s.VerifyAsync("path.order");
        var finding = report.Fires("path.order");
        Assert.Contains(finding.Evidence, e => e.File == zshrc && e.Line == 1);
    }

    [Fact]
    public async Task Goroot_bin_first_on_path_is_in_order()
    {
        using var s = Scenario.Mac();
        s.FakeGo(s.Sys("/usr/local/go"), new FakeGo());
        s.FakeGo(s.Sys("/opt/homebrew/Cellar/go/1.22.5/libexec"), new FakeGo());
        s.Zshrc(
            $"export GOROOT={Scenario.Sh(s.Sys("/usr/local/go"))}",
            $"export PATH=$GOROOT/bin:{Scenario.Sh(s.Sys("/opt/homebrew/Cellar/go/1.22.5/libexec/bin"))}:$PATH");
        var report = await s.VerifyAsync("path.order");
        report.Passes("path.order");
    }

    [Fact]
    public async Task An_assignment_in_an_if_branch_that_did_not_run_is_never_blamed()
    {
        // Given a .zshrc whose PATH and GOBIN lines sit in a branch that is not taken
        using var s = Scenario.Mac();
        var zshrc = s.Zshrc("export EDITOR=vi", "if false; then", "  export PATH=/never/bin", "  export GOBIN=/never/gobin", "fi");

        // When the facts are gathered with the traced shell
        var facts = await s.FactsAsync();

        // Then neither variable is attributed to those lines
        Assert.Null(facts.Shell.AssignmentOf("GOBIN"));
        Assert.NotEqual(zshrc, facts.Shell.AssignmentOf("PATH")?.File);
    }

    [Fact]
    public async Task Bash_is_traced_line_by_line_even_as_root_so_an_untaken_branch_is_never_blamed()
    {
        // Given a .bash_profile whose GOPATH line in a branch that is not taken comes after the one that runs
        using var s = Scenario.Mac().WithShell("/usr/bin/bash");
        var profile = s.HomeFile(".bash_profile", "export GOPATH=$HOME/go\nif false; then\n  export GOPATH=/never\nfi\n");

        // When the facts are gathered (this machine runs the tests as root, where bash ignores an inherited PS4)
        var facts = await s.FactsAsync();

        // Then the line that ran is blamed, and the login shell still read the profile
        Assert.Equal(new Evidence(profile, 1, "export GOPATH=$HOME/go"), facts.Shell.AssignmentOf("GOPATH"));
        Assert.Equal(Path.Combine(s.Home, "go"), facts.Shell.Get("GOPATH"));
    }
}
