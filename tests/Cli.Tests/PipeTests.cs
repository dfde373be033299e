using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests;

/// <summary>gowatch in a real pipe: rows come first, hints go to stderr, a closed pipe ends it quietly.</summary>
public sealed class PipeTests : IDisposable
{
    private readonly CliScenario _s = new();
    private readonly RealCli _cli;

    public PipeTests() => _cli = new RealCli(_s);

    public void Dispose() => _s.Dispose();

    private void GivenEdits(int count)
    {
        _s.Given(r =>
        {
            for (var i = 0; i < count; i++)
            {
                r.Edit(_s.Zshrc, $"export N={i}\n");
                _s.Clock.Advance(TimeSpan.FromMinutes(1));
            }
            return 0;
        });
    }

    [Fact]
    public void History_into_head_shows_the_header_and_then_events()
    {
        GivenEdits(5);

        var result = _cli.Shell("gowatch history | head -3");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("TIME", lines[0]);
        Assert.Contains("FileChanged", lines[1]);
        Assert.Contains("FileChanged", lines[2]);
        Assert.DoesNotContain("Exception", result.Stderr);
    }

    [Fact]
    public void Piped_rows_have_no_blank_lines_rules_or_trailing_spaces_and_hints_go_to_stderr()
    {
        GivenEdits(3);

        var result = _cli.Run("history", "--limit", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n');
        Assert.Equal(["TIME", "POS", "TYPE", "WHAT"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(4, lines.Length); // header, two rows, and the empty string after the last newline
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
        Assert.DoesNotContain("──", result.Stdout);
        Assert.DoesNotContain("Showing the newest", result.Stdout);
        Assert.Contains("Showing the newest 2; use --limit 0 for all.", result.Stderr);
    }

    [Fact]
    public void An_empty_history_says_so_on_stderr_and_prints_no_rows()
    {
        _s.Edit(_s.Zshrc, "a\n");

        var result = _cli.Run("history", "--type", "DriftDetected");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("No events match.", result.Stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("history")]
    [InlineData("history --json")]
    [InlineData("show")]
    [InlineData("diff 2")]
    [InlineData("status")]
    [InlineData("completion bash")]
    public void A_reader_that_is_already_gone_ends_any_command_quietly(string command)
    {
        GivenEdits(3);

        // `true` reads nothing and exits at once: every write gowatch makes meets a closed pipe.
        var result = _cli.Shell($"gowatch {command} | true; echo \"gowatch exited ${{PIPESTATUS[0]}}\" >&2");

        Assert.Matches("gowatch exited (0|3|141)", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.DoesNotContain("Broken pipe", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Output_redirected_to_a_file_shared_with_other_commands_is_appended_not_overwritten()
    {
        GivenEdits(2);
        var log = Path.Combine(_s.Root, "log.txt");

        var result = _cli.Shell($"{{ gowatch history --limit 1; gowatch status; echo done; }} > {RealCli.Quote(log)} 2>/dev/null");

        var text = File.ReadAllText(log);
        Assert.True(text.Contains("TIME", StringComparison.Ordinal) && text.Contains("gowatchd is not running", StringComparison.Ordinal), result + "\n" + text);
        Assert.EndsWith("done\n", text);
        Assert.True(text.IndexOf("TIME", StringComparison.Ordinal) < text.IndexOf("gowatchd is not running", StringComparison.Ordinal), text);
    }

    [Fact]
    public void A_reader_that_stops_early_ends_history_quietly()
    {
        GivenEdits(30);

        var result = _cli.Shell("gowatch history --limit 0 | head -1; echo \"gowatch exited ${PIPESTATUS[0]}\" >&2");

        Assert.Contains("TIME", result.Stdout);
        Assert.Matches("gowatch exited (0|141)", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.DoesNotContain("Broken pipe", result.Stderr);
    }
}
