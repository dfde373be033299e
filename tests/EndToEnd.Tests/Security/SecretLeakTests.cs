using System.Globalization;
using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events.Model;

namespace GoWatch.EndToEnd.Tests.Security;

/// <summary>Secrets in rc files never reach the daemon's logs, notifications or gowatch's output unless asked for.</summary>
public sealed class SecretLeakTests : IDisposable
{
    private static readonly string[] Secrets =
    [
        "ghp_R4nd0mT0kenValue1234567890abcdefXY",
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx",
        "tok-9f8e7d6c5b4a",
        "sekr1t-Value-77",
        "hunter2-Correct-Horse",
        "s3cr3tP4ss",
        "MIIEowIBAAKCAQEA7bq9b3yWm0Zb2f3pKQ8ZXGzq1m0r5a9pQ4TL",
    ];

    private static readonly string RcFile = $"""
        export GITHUB_TOKEN={Secrets[0]}
        export AWS_ACCESS_KEY_ID={Secrets[1]}
        export AWS_SECRET_ACCESS_KEY={Secrets[2]}
        export SLACK_BOT={Secrets[3]}
        export NPM_TOKEN={Secrets[4]}
        export CLIENT_SECRET="{Secrets[5]}"
        export DB_PASSWORD='{Secrets[6]}'
        export GOPROXY=https://builder:{Secrets[7]}@proxy.example.com/go
        export DEPLOY_KEY='-----BEGIN RSA PRIVATE KEY-----
        {Secrets[8]}
        -----END RSA PRIVATE KEY-----'
        export PATH=/usr/local/go/bin

        """;

    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static void AssertNoSecret(string where, string text)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} shows {secret}:\n{text}");
            // Not even the part after a recognisable prefix.
            Assert.False(text.Contains(secret[5..], StringComparison.Ordinal), $"{where} shows most of {secret}:\n{text}");
        }
    }

    [Fact]
    public void A_corpus_of_secrets_in_zshrc_that_also_breaks_PATH_never_reaches_logs_notifications_or_output_unless_show_secrets()
    {
        // Given a recording notify-send and a healthy .zshrc
        var notifications = _h.RecordingShim("notify-send");
        var zshrc = _h.HomePath(".zshrc");
        File.WriteAllText(zshrc, "export GOPATH=$HOME/go\n");
        using var daemon = _h.StartDaemon();

        // When secrets land in .zshrc together with a line that wipes PATH
        File.WriteAllText(zshrc, "export GOPATH=$HOME/go\n" + RcFile);
        var change = _h.WaitForEvent(e => e.Data is FileChanged c && c.Path == zshrc, TimeSpan.FromSeconds(10)) ?? throw new TimeoutException(daemon.Output);
        Assert.NotNull(_h.WaitForEvent(e => e.Data is NotificationSent, TimeSpan.FromSeconds(20)));
        var pos = change.Position.ToString(CultureInfo.InvariantCulture);

        // Then no output of gowatch shows them …
        var outputs = new Dictionary<string, CliResult>
        {
            ["history"] = _h.Cli("history"),
            ["history --json"] = _h.Cli("history", "--json"),
            ["show"] = _h.Cli("show", pos),
            ["show --json"] = _h.Cli("show", pos, "--json"),
            ["diff"] = _h.Cli("diff", pos),
            ["diff --json"] = _h.Cli("diff", pos, "--json"),
            ["doctor"] = _h.Cli("doctor"),
            ["doctor --json"] = _h.Cli("doctor", "--json"),
            ["status --json"] = _h.Cli("status", "--json"),
        };
        foreach (var (what, result) in outputs)
        {
            Assert.True(result.ExitCode is 0 or 1, $"{what}: {result}");
            AssertNoSecret("gowatch " + what, result.Stdout + result.Stderr);
        }
        Assert.Equal(1, outputs["doctor"].ExitCode);
        Assert.Contains("path.broken", outputs["doctor"].Stdout);

        // … nor the notification (which did fire), nor what the daemon printed or logged
        var calls = GoWatchHarness.ShimCalls(notifications);
        Assert.NotEmpty(calls);
        AssertNoSecret("notify-send argv", string.Join("\n", calls.SelectMany(c => c)));
        daemon.Stop();
        AssertNoSecret("gowatchd console", daemon.Output);
        var logs = Directory.GetFiles(_h.LogDir, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(logs);
        foreach (var log in logs)
        {
            AssertNoSecret(log, File.ReadAllText(log));
        }

        // And --show-secrets shows them where it is offered
        var revealed = _h.Cli("diff", pos, "--show-secrets").Stdout + _h.Cli("show", pos, "--show-secrets").Stdout;
        foreach (var secret in Secrets)
        {
            Assert.Contains(secret, revealed, StringComparison.Ordinal);
        }
    }
}
