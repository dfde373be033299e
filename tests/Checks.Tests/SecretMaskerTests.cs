using GoWatch.Checks.Reporting;

namespace GoWatch.Checks.Tests;

/// <summary>Secrets never survive masking; ordinary text does.</summary>
public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("export GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghij")]
    [InlineData("export AWS_SECRET_ACCESS_KEY=\"wJalrXUtnFEMI/K7MDENG\"", "wJalrXUtnFEMI")]
    [InlineData("DB_PASSWORD='s3cr3t pass'", "s3cr3t")]
    [InlineData("key AKIAIOSFODNN7EXAMPLE here", "IOSFODNN7EXAMPLE")]
    [InlineData("SLACK=xoxb-1234-5678-abcdefghijkl", "1234-5678")]
    [InlineData("GOPROXY=https://bob:hunter2@proxy.corp.example", "hunter2")]
    [InlineData("set -gx NPM_TOKEN abc123def", "abc123def")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE\n-----END OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjE")]
    [InlineData("zsh: command not found: MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", "MIIEvQIBADANBgkqhkiG9w0BAQEF")]
    public void Secret_values_are_masked(string text, string secret)
    {
        var masked = SecretMasker.Mask(text);
        Assert.DoesNotContain(secret, masked);
        Assert.Contains(SecretMasker.Placeholder, masked);
    }

    [Theory]
    [InlineData("export PATH=/usr/local/go/bin:$PATH")]
    [InlineData("export GOPROXY=https://proxy.golang.org,direct")]
    [InlineData("GO111MODULE=off")]
    [InlineData("afterSha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    public void Ordinary_lines_are_unchanged(string text) => Assert.Equal(text, SecretMasker.Mask(text));

    [Fact]
    public void Evidence_text_is_masked_on_creation()
    {
        var evidence = new Evidence("/home/u/.zshrc", 4, "export GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789");
        Assert.DoesNotContain("ghp_abcdefghijklmnop", evidence.Text);
    }
}
