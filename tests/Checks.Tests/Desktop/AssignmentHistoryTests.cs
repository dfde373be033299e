using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests.Desktop;

/// <summary>The traced login shell keeps every assignment of a Go variable that ran, in order, so the lines it overrode can be shown.</summary>
public sealed class AssignmentHistoryTests
{
    [Fact]
    public async Task Zsh_assignments_in_zprofile_then_zshrc_are_kept_in_the_order_they_ran()
    {
        using var s = Scenario.Mac();
        s.HomeFile(".zprofile", "export GOPATH=\"$HOME/old\"\n");
        s.Zshrc("export EDITOR=vi", "export GOPATH=\"$HOME/work\"");

        var facts = await s.FactsAsync();

        var history = facts.Shell.AssignmentHistory["GOPATH"];
        Assert.Equal([(Path.Combine(s.Home, ".zprofile"), 1), (Path.Combine(s.Home, ".zshrc"), 2)], history.Select(e => (e.File!, e.Line!.Value)));
        Assert.Equal("export GOPATH=\"$HOME/old\"", history[0].Text);
    }

    [Fact]
    public async Task A_branch_that_did_not_run_is_not_in_the_history()
    {
        using var s = Scenario.Mac();
        s.Zshrc("export GOPATH=\"$HOME/a\"", "if false; then", "  export GOPATH=\"$HOME/never\"", "fi");

        var facts = await s.FactsAsync();

        Assert.Equal([1], facts.Shell.AssignmentHistory["GOPATH"].Select(e => e.Line!.Value));
    }

    [Fact]
    public async Task Bash_traces_the_same_history_from_bash_profile()
    {
        using var s = Scenario.Mac().WithShell("/bin/bash");
        s.HomeFile(".bash_profile", "export GOFLAGS=-mod=mod\nexport GOFLAGS=-mod=readonly\n");

        var facts = await s.FactsAsync();

        Assert.Equal([1, 2], facts.Shell.AssignmentHistory["GOFLAGS"].Select(e => e.Line!.Value));
    }

    [Fact]
    public async Task Fish_conf_d_runs_before_config_fish_and_each_is_placed_at_its_line()
    {
        using var s = Scenario.Mac().WithShell("/usr/bin/fish");
        var confD = s.HomeFile(".config/fish/conf.d/go.fish", "# go\nset -gx GOPATH $HOME/conf\n");
        var config = s.HomeFile(".config/fish/config.fish", "set -gx GOPATH $HOME/cfg\n");

        var facts = await s.FactsAsync();

        Assert.Equal([(confD, 2), (config, 1)], facts.Shell.AssignmentHistory["GOPATH"].Select(e => (e.File!, e.Line!.Value)));
    }
}
