using GoWatch.Checks.Toolchain;

namespace GoWatch.Checks.Tests.Toolchain;

/// <summary>Go's own version order (go.dev/doc/toolchain#version).</summary>
public sealed class GoReleaseTests
{
    private static GoRelease V(string text) => GoRelease.Parse(text) ?? throw new ArgumentException($"not a version: {text}");

    [Theory]
    [InlineData("1.21", "1.21rc1")]
    [InlineData("1.21rc1", "1.21rc2")]
    [InlineData("1.21rc2", "1.21.0")]
    [InlineData("1.21.0", "1.21.1")]
    [InlineData("1.21.9", "1.22")]
    [InlineData("1.20rc3", "1.20")]
    [InlineData("1.20", "1.20.1")]
    [InlineData("1.18beta2", "1.18rc1")]
    [InlineData("go1.19.8", "go1.22.5")]
    public void Versions_are_ordered_as_go_orders_them(string older, string newer)
    {
        Assert.True(V(older).IsOlderThan(V(newer)), $"{older} < {newer}");
        Assert.False(V(newer).IsOlderThan(V(older)), $"not {newer} < {older}");
    }

    [Fact]
    public void A_go_line_of_1_22_is_a_language_version_met_by_the_1_22_0_release_and_its_release_candidates()
    {
        Assert.True(V("1.22").IsLanguageVersion);
        Assert.False(V("go1.22.0").IsOlderThan(V("1.22")));
        Assert.False(V("go1.22rc1").IsOlderThan(V("1.22")));
        Assert.True(V("go1.22rc1").IsOlderThan(V("1.22.0")));
    }

    [Fact]
    public void Before_go_1_21_the_bare_version_is_the_first_release() =>
        Assert.Equal(0, V("1.20").CompareTo(V("1.20.0")));

    [Theory]
    [InlineData("1.22", "go1.22.0")]
    [InlineData("1.23.1", "go1.23.1")]
    [InlineData("1.23rc2", "go1.23rc2")]
    [InlineData("1.20", "go1.20")]
    public void A_version_names_the_toolchain_go_switches_to(string version, string toolchain) =>
        Assert.Equal(toolchain, V(version).ToolchainName);

    [Fact]
    public void A_custom_suffix_and_build_words_do_not_count()
    {
        Assert.Equal(0, V("go1.21.0-custom").CompareTo(V("1.21.0")));
        Assert.Equal("1.22.5", V("go1.22.5 X:boringcrypto").Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("latest")]
    [InlineData("1")]
    [InlineData("1.x")]
    [InlineData("1.22.x")]
    [InlineData("devel")]
    public void Anything_else_is_not_a_version(string text) => Assert.Null(GoRelease.Parse(text));
}
