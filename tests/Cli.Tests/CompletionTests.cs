using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests;

/// <summary><c>gowatch completion SHELL</c>: scripts each shell accepts, which complete from gowatch itself.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly CliScenario _s = new();
    private readonly RealCli _cli;
    private readonly string _bin;

    public CompletionTests()
    {
        _cli = new RealCli(_s);
        // A `gowatch` on PATH, as the scripts call it.
        _bin = Path.Combine(_s.Root, "bin");
        Directory.CreateDirectory(_bin);
        var gowatch = Path.Combine(_bin, "gowatch");
        Executables.Write(gowatch, $"#!/bin/sh\nexec {RealCli.Command} \"$@\"\n");
        _cli.Environment["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH");
    }

    public void Dispose() => _s.Dispose();

    private string Script(string shell)
    {
        var result = _s.Run("completion", shell);
        Assert.True(result.ExitCode == 0, result.ToString());
        var path = Path.Combine(_s.Root, "gowatch." + shell);
        File.WriteAllText(path, result.Stdout);
        return path;
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public void The_script_is_valid_syntax_for_its_shell(string shell)
    {
        var script = Script(shell);

        var check = Processes.Run(shell, ["-n", script], TimeSpan.FromSeconds(30));

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Equal("", check.Stderr);
    }

    private string BashComplete(string line)
    {
        var script = Script("bash");
        var words = line.Split(' ');
        var result = _cli.Shell($"""
            source {RealCli.Quote(script)}
            COMP_LINE={RealCli.Quote(line)}; COMP_POINT=${"{#COMP_LINE}"}
            COMP_WORDS=({string.Join(' ', words.Select(RealCli.Quote))}); COMP_CWORD={words.Length - 1}
            _gowatch_complete
            printf '%s\n' "${"{COMPREPLY[@]}"}"
            """);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout;
    }

    [Fact]
    public void Bash_completes_verbs_flags_event_types_and_check_ids()
    {
        Assert.Equal("history\n", BashComplete("gowatch hist"));
        Assert.Contains("--limit", BashComplete("gowatch history --li"));
        Assert.Contains("FileChanged", BashComplete("gowatch history --type FileCh"));
        Assert.Contains("path.broken", BashComplete("gowatch doctor --check path.b"));
    }

    [Fact]
    public void Fish_completes_verbs_through_the_script()
    {
        var script = Script("fish");

        var result = Processes.Run("fish", ["-c", $"source {RealCli.Quote(script)}; complete -C 'gowatch sta'"], TimeSpan.FromSeconds(60),
            new Dictionary<string, string?>(_cli.Environment) { ["HOME"] = _s.Home });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("status", result.Stdout);
    }
}
