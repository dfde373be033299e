using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests;

/// <summary>shell.startup-warnings and the narrowed shell.startup-failed with the real zsh, bash and fish.</summary>
public sealed class ShellStartupWarningsTests
{
    [Fact]
    public async Task Zsh_command_not_found_and_missing_source_are_warnings_one_per_line_and_startup_did_not_fail()
    {
        // Given a .zshrc that calls a missing command and sources missing files, then goes on
        using var s = Scenario.Mac();
        var zshrc = s.Zshrc("export EDITOR=vi", "no_such_command_gowatch", "source /nonexistent/gowatch.zsh", ". /nonexistent/dot.zsh", "export GOPATH=$HOME/go");

        // When verifying
        var report = await s.VerifyAsync("shell.startup-failed", "shell.startup-warnings", "gopath.mixed");

        // Then each error is evidence at its own line, and the shell is not called failed
        var finding = report.Fires("shell.startup-warnings");
        Assert.Equal([(zshrc, 2), (zshrc, 3), (zshrc, 4)], finding.Evidence.Select(e => (e.File, e.Line ?? 0)));
        Assert.Contains("command not found", finding.Evidence[0].Text);
        report.Passes("shell.startup-failed");
        report.Passes("gopath.mixed");
    }

    [Fact]
    public async Task Bash_missing_command_and_source_are_warnings_at_the_lines_that_printed_them()
    {
        using var s = Scenario.Mac().WithShell("/usr/bin/bash");
        var profile = s.HomeFile(".bash_profile", "export EDITOR=vi\nno_such_command_gowatch\nsource /nonexistent/gowatch.sh\nexport GOPATH=$HOME/go\n");

        var report = await s.VerifyAsync("shell.startup-failed", "shell.startup-warnings");

        var finding = report.Fires("shell.startup-warnings");
        Assert.Contains(finding.Evidence, e => e.File == profile && e.Line == 2 && e.Text!.Contains("command not found"));
        Assert.Contains(finding.Evidence, e => e.File == profile && e.Line == 3 && e.Text!.Contains("No such file"));
        report.Passes("shell.startup-failed");
    }

    [Fact]
    public async Task Fish_source_of_a_missing_file_is_a_warning()
    {
        using var s = Scenario.Mac().WithShell("/usr/bin/fish");
        var config = s.HomeFile(".config/fish/config.fish", "set -gx EDITOR vi\nsource /nonexistent/gowatch.fish\n");

        var report = await s.VerifyAsync("shell.startup-failed", "shell.startup-warnings");

        var finding = report.Fires("shell.startup-warnings");
        Assert.Contains(finding.Evidence, e => e.File == config && e.Line == 2 && e.Text!.Contains("/nonexistent/gowatch.fish"));
        report.Passes("shell.startup-failed");
    }

    [Fact]
    public async Task A_syntax_error_fails_startup_and_is_not_also_a_warning()
    {
        using var s = Scenario.Mac();
        var zshrc = s.Zshrc("export EDITOR=vi", "if [ x ; then", "echo never");

        var report = await s.VerifyAsync("shell.startup-failed", "shell.startup-warnings");

        Assert.Contains(report.Fires("shell.startup-failed").Evidence, e => e.File == zshrc && e.Text!.Contains("parse error"));
        report.Passes("shell.startup-warnings");
    }

    [Fact]
    public async Task A_clean_zshrc_has_no_warnings()
    {
        using var s = Scenario.Mac();
        s.Zshrc("export EDITOR=vi");
        var report = await s.VerifyAsync("shell.startup-warnings");
        report.Passes("shell.startup-warnings");
    }
}
