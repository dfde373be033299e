using System.CommandLine;
using GoWatch.Cli.Backend;
using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests;

/// <summary>Every command's help carries real examples; <c>gowatch help VERB</c> is <c>gowatch VERB --help</c>.</summary>
public sealed class HelpTests : IDisposable
{
    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    public static TheoryData<string> EveryCommand()
    {
        var data = new TheoryData<string>();
        using var s = new CliScenario();
        var root = GoWatchCli.Build(new CliContext(s.Settings, Spectre.Console.AnsiConsole.Console, TextWriter.Null, TextWriter.Null, false, TimeProvider.System, BackendConnector.Connect));
        void Walk(Command command, string path)
        {
            data.Add(path);
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, (path + " " + sub.Name).Trim());
            }
        }
        Walk(root, "");
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Every_help_shows_two_or_three_examples_that_run_gowatch(string command)
    {
        var result = _s.Run([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var examples = result.Stdout[result.Stdout.IndexOf("Examples:", StringComparison.Ordinal)..]
            .Split('\n').Where(l => l.StartsWith("  gowatch ", StringComparison.Ordinal) || l.StartsWith("  GOWATCH_", StringComparison.Ordinal)).ToList();
        Assert.InRange(examples.Count, 2, 3);
        Assert.All(examples, e => Assert.Contains("gowatch " + command, e));
    }

    [Fact]
    public void Help_VERB_prints_the_same_as_VERB_help()
    {
        var help = _s.Run("help", "service", "status");
        var option = _s.Run("service", "status", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(option.Stdout, help.Stdout);
        Assert.Contains("Ask launchd / systemd whether the service is installed", help.Stdout);
    }

    [Fact]
    public void Service_status_help_describes_status_not_install()
    {
        var help = _s.Run("service", "status", "--help").Stdout;

        Assert.DoesNotContain("service file", help);
        Assert.Contains("Print the command that would ask", help);
    }

    [Fact]
    public void Since_help_says_dates_are_local()
    {
        Assert.Contains("local date/time", _s.Run("history", "--help").Stdout);
    }
}
