using System.Globalization;
using GoWatch.Cli.Commands;
using GoWatch.Cli.Tests.Support;
using GoWatch.Events.Model;

namespace GoWatch.Cli.Tests;

/// <summary><c>gowatch revert</c> in-process against a real store (the daemon is down).</summary>
public sealed class RevertCommandTests : IDisposable
{
    private const string Good = "export PATH=$HOME/go/bin:$PATH\n";
    private const string Bad = "export PATH=$GOROOT/bin\n";

    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    private string GivenABadEdit()
    {
        _s.Edit(_s.Zshrc, Good);
        return _s.Edit(_s.Zshrc, Bad).ToString(CultureInfo.InvariantCulture);
    }

    private CliResult RunAtTerminal(string keys, params string[] args) =>
        _s.Run(c => RevertCommand.Create(c, canAsk: () => true), keys, ["revert", .. args]);

    [Fact]
    public void Without_a_terminal_and_without_yes_a_revert_is_refused_and_nothing_is_written()
    {
        var pos = GivenABadEdit();

        var result = _s.Run(c => RevertCommand.Create(c, canAsk: () => false), "revert", pos);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("--yes", result.Stderr);
        Assert.Equal(Bad, File.ReadAllText(_s.Zshrc));
        Assert.DoesNotContain(_s.Events(), e => e.Data is FileReverted);
    }

    [Fact]
    public void On_a_terminal_the_diff_is_shown_and_answering_yes_reverts()
    {
        var pos = GivenABadEdit();

        var result = RunAtTerminal("y", pos);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("-export PATH=$GOROOT/bin", result.Stdout);
        Assert.Contains("+export PATH=$HOME/go/bin:$PATH", result.Stdout);
        Assert.Contains("Restore ~/.zshrc", result.Stdout);
        Assert.Equal(Good, File.ReadAllText(_s.Zshrc));
        Assert.Single(_s.Events(), e => e.Data is FileReverted);
    }

    [Fact]
    public void On_a_terminal_answering_no_changes_nothing_and_exits_0()
    {
        var pos = GivenABadEdit();

        var result = RunAtTerminal("n", pos);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Nothing changed.", result.Stdout);
        Assert.Equal(Bad, File.ReadAllText(_s.Zshrc));
        Assert.DoesNotContain(_s.Events(), e => e.Data is FileReverted);
    }

    [Fact]
    public void Reverting_a_creation_asks_before_removing_the_file()
    {
        var created = _s.Edit(_s.HomePath(".zshenv"), "export GO111MODULE=off\n").ToString(CultureInfo.InvariantCulture);

        var declined = RunAtTerminal("\n", created);
        Assert.True(File.Exists(_s.HomePath(".zshenv")));
        var accepted = RunAtTerminal("y", created);

        Assert.Equal(0, declined.ExitCode);
        Assert.Contains("Remove ~/.zshenv? [y/N]", declined.Stdout);
        Assert.Equal(0, accepted.ExitCode);
        Assert.False(File.Exists(_s.HomePath(".zshenv")));
    }

    [Theory]
    [InlineData("n", "n")]
    [InlineData("\u0003", "Ctrl-C")]
    [InlineData("\u0004", "Ctrl-D")]
    public void At_a_real_terminal_n_ctrl_c_and_ctrl_d_answer_no(string key, string name)
    {
        var pos = GivenABadEdit();

        var result = new RealCli(_s).AtTerminal(["revert", pos], waitFor: "[y/N]", keys: key);

        Assert.True(result.ExitCode == 0, $"{name}: {result}");
        Assert.Contains("-export PATH=$GOROOT/bin", result.Stdout);
        Assert.Contains("Nothing changed.", result.Stdout);
        Assert.Equal(Bad, File.ReadAllText(_s.Zshrc));
        Assert.DoesNotContain(_s.Events(), e => e.Data is FileReverted);
    }

    [Fact]
    public void At_a_real_terminal_y_reverts()
    {
        var pos = GivenABadEdit();

        var result = new RealCli(_s).AtTerminal(["revert", pos], waitFor: "[y/N]", keys: "y");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Good, File.ReadAllText(_s.Zshrc));
    }

    [Fact]
    public void Yes_reverts_without_asking_and_says_what_it_recorded()
    {
        var pos = GivenABadEdit();

        var result = _s.Run("revert", pos, "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Restored ~/.zshrc", result.Stdout);
        Assert.Equal(Good, File.ReadAllText(_s.Zshrc));
        var reverted = Assert.Single(_s.Events(), e => e.Data is FileReverted);
        Assert.Equal("cli", reverted.Source);
    }

    [Fact]
    public void A_dry_run_prints_the_diff_it_would_apply_and_changes_nothing()
    {
        var pos = GivenABadEdit();

        var result = _s.Run("revert", pos, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-export PATH=$GOROOT/bin", result.Stdout);
        Assert.Contains("+export PATH=$HOME/go/bin:$PATH", result.Stdout);
        Assert.Contains("Would restore ~/.zshrc", result.Stdout);
        Assert.Equal(Bad, File.ReadAllText(_s.Zshrc));
    }

    [Fact]
    public void A_file_changed_since_is_refused_with_exit_3_and_forced_with_force()
    {
        var pos = GivenABadEdit();
        File.AppendAllText(_s.Zshrc, "export GOFLAGS=-mod=mod\n");

        var refused = _s.Run("revert", pos, "--yes");
        var forced = _s.Run("revert", pos, "--yes", "--force");

        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("edited since event", refused.Stderr);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(Good, File.ReadAllText(_s.Zshrc));
    }

    [Fact]
    public void Unknown_positions_and_events_not_about_files_exit_1_and_bad_usage_exits_2()
    {
        var verification = _s.Given(r => r.Append("daemon", new DaemonStarted(1, "1.0.0", "linux", "arm64", 0))).ToString(CultureInfo.InvariantCulture);

        Assert.Equal(1, _s.Run("revert", "4242", "--yes").ExitCode);
        Assert.Equal(1, _s.Run("revert", verification, "--yes").ExitCode);
        Assert.Equal(2, _s.Run("revert").ExitCode);
        Assert.Equal(2, _s.Run("revert", "abc").ExitCode);
    }
}
