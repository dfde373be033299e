using System.Text.Json;
using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests.Doctor;

/// <summary><c>gowatch doctor</c> end to end in-process, with the real zsh reading a temp HOME.</summary>
public sealed class DoctorCommandTests : IDisposable
{
    private readonly CliScenario _s = new(shell: "/usr/bin/zsh");

    public void Dispose() => _s.Dispose();

    [Fact]
    public void A_healthy_run_prints_one_line_and_exits_0()
    {
        File.WriteAllText(_s.Zshrc, "export EDITOR=vi\n");

        var result = _s.Run("doctor", "--check", "path.broken", "--check", "homebrew.rosetta");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No problems: 1 check passed, 1 skipped — gowatch doctor --all for the list\n", result.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void All_lists_the_passed_check_and_the_skipped_one_with_its_reason()
    {
        File.WriteAllText(_s.Zshrc, "export EDITOR=vi\n");

        var result = _s.Run("doctor", "--all", "--check", "path.broken", "--check", "homebrew.rosetta");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Passed, no problem found (1)\n  path.broken\n", result.Stdout.ReplaceLineEndings("\n"));
        Assert.Contains("  - homebrew.rosetta: not an Apple Silicon Mac\n", result.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_broken_path_is_an_error_with_the_rc_line_shown_under_home_as_tilde()
    {
        File.WriteAllText(_s.Zshrc, "export PATH=/nowhere/bin\n");

        var result = _s.Run("doctor", "--check", "path.broken");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("✗ The login shell's PATH is broken (path.broken)", result.Stdout);
        Assert.Contains("• ~/.zshrc:1: export PATH=/nowhere/bin", result.Stdout);
    }

    [Fact]
    public void Json_lists_skipped_checks_with_their_reason()
    {
        File.WriteAllText(_s.Zshrc, "export EDITOR=vi\n");

        var result = _s.Run("doctor", "--json", "--check", "homebrew.rosetta");

        Assert.Equal(0, result.ExitCode);
        var skipped = Assert.Single(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("skipped").EnumerateArray());
        Assert.Equal("homebrew.rosetta", skipped.GetProperty("id").GetString());
        Assert.Equal("not an Apple Silicon Mac", skipped.GetProperty("reason").GetString());
    }

    [Fact]
    public void A_goroot_that_does_not_exist_links_to_explain_goroot_in_text_and_json()
    {
        File.WriteAllText(_s.Zshrc, "export EDITOR=vi\nexport GOROOT=/nowhere/go\n");

        var text = _s.Run("doctor", "--check", "goroot.mismatch");
        var json = _s.Run("doctor", "--json", "--check", "goroot.mismatch");

        Assert.Equal(1, text.ExitCode);
        var lines = text.Stdout.ReplaceLineEndings("\n");
        Assert.Contains("    • ~/.zshrc:2: export GOROOT=/nowhere/go\n    why: gowatch explain GOROOT\n    fix: ", lines);
        var finding = Assert.Single(JsonDocument.Parse(json.Stdout).RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("gowatch explain GOROOT", finding.GetProperty("explain").GetString());
    }

    [Fact]
    public void A_finding_that_is_not_about_provenance_has_no_why_line_and_no_explain_field()
    {
        File.WriteAllText(_s.Zshrc, "export PATH=/nowhere/bin\n");

        var text = _s.Run("doctor", "--check", "path.broken");
        var json = _s.Run("doctor", "--json", "--check", "path.broken");

        Assert.DoesNotContain("why:", text.Stdout);
        var finding = Assert.Single(JsonDocument.Parse(json.Stdout).RootElement.GetProperty("findings").EnumerateArray());
        Assert.False(finding.TryGetProperty("explain", out _));
    }
}
