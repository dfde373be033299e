using GoWatch.Platform.Locations;

namespace GoWatch.Platform.Tests.Locations;

public sealed class HomePathsTests
{
    [Theory]
    [InlineData("/Users/u/.zshrc", "/Users/u", "~/.zshrc")]
    [InlineData("/Users/u/.zshrc", "/Users/u/", "~/.zshrc")]
    [InlineData("/Users/u", "/Users/u", "~")]
    [InlineData("/Users/user2/.zshrc", "/Users/u", "/Users/user2/.zshrc")]
    [InlineData("/etc/zshrc", "/Users/u", "/etc/zshrc")]
    public void A_path_under_home_is_written_with_a_tilde_and_any_other_stays_as_it_is(string path, string home, string shown) =>
        Assert.Equal(shown, HomePaths.Tilde(path, home));

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public void An_unknown_or_root_home_leaves_every_path_absolute(string home) =>
        Assert.Equal("/etc/zshrc", HomePaths.Tilde("/etc/zshrc", home));
}
