using System.Globalization;
using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events.Model;

namespace GoWatch.EndToEnd.Tests.Revert;

/// <summary>Secrets recorded by the real daemon stay masked in everything gowatch prints, unless --show-secrets.</summary>
public sealed class SecretMaskingThroughTheDaemonTests : IDisposable
{
    private const string Token = "ghp_R4nd0mT0kenValue1234567890abcdefXY";
    private const string AwsKey = "AKIAIOSFODNN7EXAMPLE";
    private const string Password = "hunter2-Correct-Horse";
    private const string UrlPassword = "s3cr3tP4ss";
    private const string PemBody = "MIIEowIBAAKCAQEA7bq9b3yWm0Zb2f3pKQ8ZXGzq1m0r5a9pQ4TL";

    private static readonly string RcFile = $"""
        export GITHUB_TOKEN={Token}
        export AWS_ACCESS_KEY_ID={AwsKey}
        export DB_PASSWORD={Password}
        export GOPROXY=https://builder:{UrlPassword}@proxy.example.com/go
        export DEPLOY_KEY='-----BEGIN OPENSSH PRIVATE KEY-----
        {PemBody}
        -----END OPENSSH PRIVATE KEY-----'

        """;

    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_recorded_rc_file_full_of_secrets_is_masked_in_history_show_diff_and_revert_unless_asked()
    {
        var zshrc = _h.HomePath(".zshrc");
        File.WriteAllText(zshrc, "export GOPATH=$HOME/go\n");
        using var daemon = _h.StartDaemon();
        File.WriteAllText(zshrc, "export GOPATH=$HOME/go\n" + RcFile);
        var pos = (_h.WaitForEvent(e => e.Data is FileChanged c && c.Path == zshrc, TimeSpan.FromSeconds(10))
            ?? throw new TimeoutException("the change was not recorded")).Position.ToString(CultureInfo.InvariantCulture);

        var outputs = new[]
        {
            _h.Cli("history"), _h.Cli("history", "--json"),
            _h.Cli("show", pos), _h.Cli("show", pos, "--json"),
            _h.Cli("diff", pos), _h.Cli("diff", pos, "--json"),
            _h.Cli("revert", pos, "--dry-run"),
        };
        var revealed = _h.Cli("diff", pos, "--show-secrets");

        foreach (var output in outputs)
        {
            Assert.True(output.ExitCode == 0, output.ToString());
            foreach (var secret in new[] { Token, Token[4..], AwsKey, AwsKey[4..], Password, UrlPassword, PemBody })
            {
                Assert.DoesNotContain(secret, output.Stdout + output.Stderr, StringComparison.Ordinal);
            }
        }
        Assert.Contains("+export GITHUB_TOKEN=****", outputs[4].Stdout);
        foreach (var secret in new[] { Token, AwsKey, Password, UrlPassword, PemBody })
        {
            Assert.Contains(secret, revealed.Stdout, StringComparison.Ordinal);
        }
        daemon.Stop();
    }
}
