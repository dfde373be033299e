using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests;

/// <summary>
/// Typos and bad values, as a new user makes them, through the real gowatch process: one line on
/// stderr, exit 2, no stack trace, the nearest valid word where there is one.
/// </summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly CliScenario _s = new();
    private readonly RealCli _cli;

    public UsageErrorTests() => _cli = new RealCli(_s);

    public void Dispose() => _s.Dispose();

    private CliResult UsageError(params string[] args)
    {
        var result = _cli.Run(args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("gowatch", line);
        Assert.DoesNotContain("System.", line);
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        return result;
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    [InlineData("-3")]
    public void A_limit_that_is_not_a_whole_number_is_a_one_line_usage_error(string limit)
    {
        var result = UsageError("history", "--limit", limit);

        Assert.Contains($"--limit expects a whole number from 1 to", result.Stderr);
        Assert.Contains($"got '{limit}'", result.Stderr);
    }

    [Theory]
    [InlineData("show", "abc")]
    [InlineData("diff", "12x")]
    [InlineData("revert", "0")]
    public void A_position_that_is_not_one_says_what_a_position_is(string verb, string position)
    {
        var result = UsageError(verb, position);

        Assert.Contains($"gowatch {verb}: POS expects an event position", result.Stderr);
        Assert.Contains($"got '{position}'", result.Stderr);
    }

    [Theory]
    [InlineData("did you mean history?", "histroy")]
    [InlineData("did you mean install?", "service", "instal")]
    [InlineData("did you mean --limit?", "history", "--lmit", "5")]
    [InlineData("did you mean --json?", "status", "--jsno")]
    [InlineData("did you mean FileChanged?", "history", "--type", "FileChnged")]
    [InlineData("did you mean path.broken?", "history", "--check", "path.brokn")]
    [InlineData("did you mean path.broken?", "doctor", "--check", "path.brokn")]
    [InlineData("did you mean zsh?", "completion", "zhs")]
    public void A_mistyped_verb_flag_event_type_or_check_id_names_the_nearest_valid_one(string expected, params string[] args)
    {
        var result = UsageError(args);

        Assert.Contains(expected, result.Stderr);
    }

    [Fact]
    public void An_unknown_event_type_is_an_error_not_an_empty_history()
    {
        _s.Edit(_s.Zshrc, "a\n");

        var result = UsageError("history", "--type", "FileChnged");

        Assert.DoesNotContain("No events match", result.All);
    }

    [Fact]
    public void A_missing_argument_or_subcommand_says_what_is_needed()
    {
        Assert.Contains("gowatch diff needs POS", UsageError("diff").Stderr);
        Assert.Contains("gowatch service needs one of: install, uninstall, status", UsageError("service").Stderr);
        Assert.Contains("--limit needs a value", UsageError("history", "--limit").Stderr);
    }

    [Fact]
    public void Gowatch_alone_prints_the_help_and_exits_0()
    {
        var result = _cli.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Stdout);
        Assert.Contains("history", result.Stdout);
        Assert.Contains("Examples:", result.Stdout);
        Assert.Equal("", result.Stderr);
    }
}
