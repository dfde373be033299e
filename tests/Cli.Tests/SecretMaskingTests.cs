using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests;

/// <summary>Secrets recorded from rc files never reach the terminal or a script unless asked for.</summary>
public sealed class SecretMaskingTests : IDisposable
{
    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    private long GivenAnRcFileFullOfSecretsWasAdded()
    {
        _s.Edit(_s.Zshrc, "export PATH=$HOME/go/bin:$PATH\n");
        return _s.Edit(_s.Zshrc, SecretCorpus.RcFile);
    }

    public static TheoryData<string[]> Outputs() => new()
    {
        { new[] { "history" } },
        { new[] { "history", "--json" } },
        { new[] { "show", "{pos}" } },
        { new[] { "show", "{pos}", "--json" } },
        { new[] { "diff", "{pos}" } },
        { new[] { "diff", "{pos}", "--json" } },
        { new[] { "revert", "{pos}", "--dry-run" } },
        { new[] { "status" } },
        { new[] { "status", "--json" } },
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Secrets_in_a_recorded_file_are_masked(string[] command)
    {
        var pos = GivenAnRcFileFullOfSecretsWasAdded();

        var result = _s.Run(command.Select(a => a.Replace("{pos}", pos.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToArray());

        Assert.True(result.ExitCode == (command[0] == "status" ? 3 : 0), result.ToString()); // status: gowatchd is not running
        foreach (var secret in SecretCorpus.Values)
        {
            Assert.DoesNotContain(secret, result.All, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("show")]
    [InlineData("diff")]
    public void The_masked_diff_still_shows_which_lines_changed(string command)
    {
        var pos = GivenAnRcFileFullOfSecretsWasAdded();

        var result = _s.Run(command, pos.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains("+export GITHUB_TOKEN=****", result.Stdout);
        Assert.Contains("+export AWS_ACCESS_KEY_ID=****", result.Stdout);
        Assert.Contains("https://builder:****@proxy.example.com", result.Stdout);
        Assert.Contains("-----BEGIN RSA PRIVATE KEY-----****", result.Stdout);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("diff")]
    [InlineData("diff", "--json")]
    public void Show_secrets_prints_them_as_they_are(params string[] command)
    {
        var pos = GivenAnRcFileFullOfSecretsWasAdded();

        var result = _s.Run([command[0], pos.ToString(System.Globalization.CultureInfo.InvariantCulture), .. command[1..], "--show-secrets"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(SecretCorpus.GitHubToken, result.Stdout);
        Assert.Contains(SecretCorpus.AwsKey, result.Stdout);
        Assert.Contains(SecretCorpus.Password, result.Stdout);
        Assert.Contains(SecretCorpus.UrlPassword, result.Stdout);
        Assert.Contains(SecretCorpus.PemBody, result.Stdout);
    }

    [Fact]
    public void Secrets_in_findings_are_masked_in_show_and_history()
    {
        var pos = _s.Given(r => r.Append("check:proxy.insecure", new GoWatch.Events.Model.VerificationCompleted("cli",
            [new GoWatch.Events.Model.FindingRecord("proxy.insecure", "warning", "GOPROXY is not verified", "set in ~/.zshrc",
                [new GoWatch.Events.Model.EvidenceRecord(_s.Zshrc, 5, $"export GOPROXY=https://builder:{SecretCorpus.UrlPassword}@proxy.example.com/go")],
                "unset GOFLAGS")], [], 12)));

        var show = _s.Run("show", pos.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var json = _s.Run("history", "--json");
        var status = _s.Run("status", "--json");
        var revealed = _s.Run("show", pos.ToString(System.Globalization.CultureInfo.InvariantCulture), "--show-secrets");

        Assert.DoesNotContain(SecretCorpus.UrlPassword, show.All);
        Assert.DoesNotContain(SecretCorpus.UrlPassword, json.All);
        Assert.DoesNotContain(SecretCorpus.UrlPassword, status.All);
        Assert.Contains(SecretCorpus.UrlPassword, revealed.Stdout);
    }
}
