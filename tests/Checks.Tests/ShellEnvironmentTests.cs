using GoWatch.Checks.Probes;
using GoWatch.Checks.Tests.Support;
using GoWatch.Platform;

namespace GoWatch.Checks.Tests;

/// <summary>The environment the login shell is started with exists on the platform it runs on.</summary>
public sealed class ShellEnvironmentTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("C.UTF-8")]
    public void A_mac_shell_gets_a_locale_that_macOS_13_has(string? inherited)
    {
        using var s = Scenario.Mac();
        var env = LoginShellProbe.Environment(s.Settings(), "/bin/zsh", Facts.ShellKind.Zsh, inherited);
        Assert.Equal("en_US.UTF-8", env["LANG"]);
    }

    [Fact]
    public void A_mac_shell_keeps_the_users_own_locale()
    {
        using var s = Scenario.Mac();
        var env = LoginShellProbe.Environment(s.Settings(), "/bin/zsh", Facts.ShellKind.Zsh, "de_DE.UTF-8");
        Assert.Equal("de_DE.UTF-8", env["LANG"]);
    }

    [Fact]
    public void A_linux_shell_without_a_locale_gets_C_UTF_8()
    {
        using var s = Scenario.Mac().WithPlatform(PlatformKind.Linux);
        var env = LoginShellProbe.Environment(s.Settings(), "/bin/bash", Facts.ShellKind.Bash, null);
        Assert.Equal("C.UTF-8", env["LANG"]);
    }
}
