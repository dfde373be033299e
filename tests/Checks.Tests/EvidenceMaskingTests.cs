namespace GoWatch.Checks.Tests;

/// <summary>Evidence and findings carry text from the user's files: it is masked when they are made.</summary>
public sealed class EvidenceMaskingTests
{
    [Fact]
    public void Evidence_text_is_masked_on_creation()
    {
        var evidence = new Evidence("/home/u/.zshrc", 4, "export GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789");

        Assert.DoesNotContain("ghp_abcdefghijklmnop", evidence.Text);
        Assert.StartsWith("export GITHUB_TOKEN=", evidence.Text);
    }
}
