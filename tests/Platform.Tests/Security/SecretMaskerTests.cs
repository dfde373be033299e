using GoWatch.Platform.Security;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Security;

/// <summary>The masker against a corpus of secrets as real tools write them, and lines that must stay as they are.</summary>
public sealed class SecretMaskerTests
{
    public static TheoryData<SecretFormats.Format> Formats() => new(SecretFormats.All);

    public static TheoryData<string> Ordinary() => new(SecretFormats.Ordinary);

    [Theory]
    [MemberData(nameof(Formats))]
    public void No_part_of_a_secret_survives_masking(SecretFormats.Format format)
    {
        var masked = SecretMasker.Mask(format.Text);

        Assert.Contains(SecretMasker.Placeholder, masked);
        foreach (var secret in format.Secrets)
        {
            foreach (var line in secret.Split('\n'))
            {
                Assert.False(masked.Contains(line, StringComparison.Ordinal), $"'{line}' survived in:\n{masked}");
            }
        }
    }

    [Theory]
    [InlineData("curl -H 'Authorization: Bearer abcdefgh12345678' https://api.example.com", "curl -H 'Authorization: Bearer ****' https://api.example.com")]
    [InlineData("export GOPROXY=https://ci:pa/ss@proxy.corp/go,direct", "export GOPROXY=https://ci:****@proxy.corp/go,direct")]
    [InlineData("export GOPROXY=https://a1b2c3d4e5f6a7b8c9d0e1f2@proxy.corp", "export GOPROXY=https://****@proxy.corp")]
    [InlineData("<env name=\"DB_PASSWORD\" value=\"x1y2z3\" />", "<env name=\"DB_PASSWORD\" value=\"****\" />")]
    [InlineData("export DB_PASSWORD=\"a\\\"b\" # note", "export DB_PASSWORD=\"****\" # note")]
    [InlineData("export FEED=https://x.example/rss?token=abc123&format=xml", "export FEED=https://x.example/rss?token=****&format=xml")]
    [InlineData("set -gx DB_PASS hunter2", "set -gx DB_PASS ****")]
    public void Masking_keeps_what_the_line_is_about(string text, string expected) => Assert.Equal(expected, SecretMasker.Mask(text));

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void Ordinary_lines_are_unchanged(string line) => Assert.Equal(line, SecretMasker.Mask(line));

    [Fact]
    public void The_corpus_covers_at_least_sixty_formats_from_every_family()
    {
        Assert.True(SecretFormats.All.Count >= 60, $"{SecretFormats.All.Count} formats");
        Assert.Equal(SecretFormats.All.Count, SecretFormats.All.Select(f => f.ToString()).Distinct().Count());
        Assert.Superset(
            new HashSet<string> { "shell", "auth-header", "url", "fish", "dotenv", "ini", "yaml", "json", "netrc", "goland", "prefix", "pem" },
            SecretFormats.All.Select(f => f.Family).ToHashSet());
    }

    [Fact]
    public void Masking_is_idempotent()
    {
        foreach (var format in SecretFormats.All)
        {
            var once = SecretMasker.Mask(format.Text);
            Assert.Equal(once, SecretMasker.Mask(once));
        }
    }

    [Theory]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("MYSQL_PWD", true)]
    [InlineData("DB_PASS", true)]
    [InlineData("STRIPE_KEY", true)]
    [InlineData("apiKey", true)]
    [InlineData("client_secret", true)]
    [InlineData("PWD", false)]
    [InlineData("GOPATH", false)]
    [InlineData("PATH", false)]
    [InlineData("GOAUTH", false)]
    [InlineData("PASSENGER", false)]
    public void Secret_names_are_told_from_ordinary_ones(string name, bool secret) => Assert.Equal(secret, SecretMasker.IsSecretName(name));
}
