using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests.Catalogue;

/// <summary>shell.startup-failed, path.broken, path.order over hand-built facts: no shell, no go, no disk.</summary>
public sealed class ShellAndPathCheckTests
{
    [Fact]
    public void A_shell_that_ran_cleanly_passes_startup() => FactsBuilder.Mac().Build().Passes("shell.startup-failed");

    [Fact]
    public void A_missing_login_shell_fails_startup_and_says_so()
    {
        var finding = FactsBuilder.Mac().ShellMissing("/nonexistent/zsh").Build().Fails("shell.startup-failed");
        Assert.Contains("/nonexistent/zsh does not exist", finding.Detail);
    }

    [Fact]
    public void A_shell_that_timed_out_fails_startup()
    {
        var finding = FactsBuilder.Mac().ShellTimedOut().Build().Fails("shell.startup-failed");
        Assert.Contains("did not finish", finding.Title);
    }

    [Fact]
    public void A_shell_that_exits_non_zero_fails_startup() =>
        Assert.Contains("exit code 3", FactsBuilder.Mac().ShellExit(3).Build().Fails("shell.startup-failed").Title);

    [Fact]
    public void A_syntax_error_fails_startup_at_its_line()
    {
        var finding = FactsBuilder.Mac().ShellError("parse error near `fi'", 7).Build().Fails("shell.startup-failed");
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal((FactsBuilder.Zshrc, 7), (evidence.File, evidence.Line));
    }

    [Fact]
    public void A_launchd_path_is_not_broken() => FactsBuilder.Mac().Build().Passes("path.broken");

    [Fact]
    public void A_path_replaced_by_goroot_bin_is_broken_and_blames_the_assignment()
    {
        var finding = FactsBuilder.Mac().PathIs("/usr/local/go/bin", line: 12).Build().Fails("path.broken");
        Assert.Contains("lacks /usr/bin", finding.Detail);
        Assert.Contains(finding.Evidence, e => e.File == FactsBuilder.Zshrc && e.Line == 12);
    }

    [Fact]
    public void Path_broken_is_skipped_when_the_shell_printed_no_environment() =>
        Assert.Contains("login shell", FactsBuilder.Mac().NoShellEnvironment().Build().Skips("path.broken"));

    [Fact]
    public void Path_order_passes_when_goroot_is_not_set() => FactsBuilder.Mac().WithGo().Build().Passes("path.order");

    [Fact]
    public void Path_order_passes_when_the_first_go_is_goroot_bin_go() =>
        FactsBuilder.Mac().WithGo().Export("GOROOT", "/usr/local/go").Build().Passes("path.order");

    [Fact]
    public void Path_order_passes_when_the_first_go_is_a_link_to_goroot_bin_go() =>
        FactsBuilder.Mac().WithGo("/usr/local/go").Export("GOROOT", "/usr/local/go")
            .FirstGoIs("/usr/local/bin/go", realPath: "/usr/local/go/bin/go").Build().Passes("path.order");

    [Fact]
    public void Path_order_fails_when_another_go_comes_first()
    {
        var finding = FactsBuilder.Mac().WithGo("/opt/homebrew/opt/go/libexec")
            .Export("GOROOT", "/usr/local/go", line: 4).Executable("/usr/local/go/bin/go", "arm64")
            .Build().Fails("path.order");
        Assert.Contains("/opt/homebrew/opt/go/libexec/bin/go", finding.Detail);
        Assert.Contains(finding.Evidence, e => e.Line == 4);
    }

    [Fact]
    public void A_version_manager_shim_that_runs_the_goroot_is_not_a_shadow() =>
        FactsBuilder.Mac().WithGo("/Users/u/.goenv/versions/1.22.5").Export("GOROOT", "/Users/u/.goenv/versions/1.22.5")
            .FirstGoIs("/Users/u/.goenv/shims/go", realPath: "/Users/u/.goenv/shims/go").Build().Passes("path.order");

    [Fact]
    public void A_version_manager_shim_that_runs_another_go_is_a_shadow() =>
        FactsBuilder.Mac().WithGo("/Users/u/.asdf/installs/golang/1.21.0/go").GoEnv("GOROOT", "/Users/u/.asdf/installs/golang/1.21.0/go")
            .Export("GOROOT", "/usr/local/go").Executable("/usr/local/go/bin/go", "arm64").Dir("/usr/local/go")
            .FirstGoIs("/Users/u/.asdf/shims/go", realPath: "/Users/u/.asdf/shims/go").Build().Fails("path.order");

    [Fact]
    public void Path_order_is_skipped_when_goroot_bin_go_was_not_probed() =>
        Assert.Contains("unknown", FactsBuilder.Mac().WithGo("/opt/homebrew/opt/go/libexec").Export("GOROOT", "/usr/local/go").Build().Skips("path.order"));

    [Fact]
    public void Path_order_is_skipped_when_goroot_bin_go_does_not_exist() =>
        Assert.Contains("does not exist", FactsBuilder.Mac().WithGo().Export("GOROOT", "/gone").Missing("/gone/bin/go").Build().Skips("path.order"));

    [Fact]
    public void A_command_not_found_is_a_warning_not_a_startup_failure()
    {
        var facts = FactsBuilder.Mac().ShellError("command not found: nvm", 4).ShellError("no such file or directory: /opt/x.zsh", 9).Build();
        facts.Passes("shell.startup-failed");
        var finding = facts.Fails("shell.startup-warnings");
        Assert.Equal([4, 9], finding.Evidence.Select(e => e.Line ?? 0));
        Assert.Contains("Fix or remove ~/.zshrc line 4 ", finding.Fix);
    }

    [Fact]
    public void No_matches_found_aborts_the_file_and_fails_startup() =>
        FactsBuilder.Mac().ShellError("no matches found: *.nomatch", 6).Build().Fails("shell.startup-failed");

    [Fact]
    public void A_syntax_error_is_not_a_warning() => FactsBuilder.Mac().ShellError("parse error near `fi'", 7).Build().Passes("shell.startup-warnings");

    [Fact]
    public void A_clean_shell_has_no_startup_warnings() => FactsBuilder.Mac().Build().Passes("shell.startup-warnings");

    [Fact]
    public void Startup_warnings_are_skipped_when_the_shell_could_not_run() =>
        FactsBuilder.Mac().ShellMissing().Build().Skips("shell.startup-warnings");

    [Fact]
    public void Startup_warnings_are_skipped_when_the_shell_timed_out_before_printing_any() =>
        FactsBuilder.Mac().ShellTimedOut().Build().Skips("shell.startup-warnings");
}
