using GoWatch.Platform.Locations;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Locations;

/// <summary>$SHELL first, else the user record: dscl on macOS (a shim here), passwd on Linux.</summary>
public sealed class LoginShellTests : IDisposable
{
    private readonly ShimDirectory _shims = new();
    private readonly TempDirectory _dir = new("-shell");

    public void Dispose()
    {
        _shims.Dispose();
        _dir.Dispose();
    }

    private string ExistingShell(string name)
    {
        var path = _dir.Combine(name);
        File.WriteAllText(path, "#!/bin/sh\n");
        return path;
    }

    private LoginShell WithDscl(string userShell) =>
        new(_shims.Add("dscl", new ShimRule("UserShell", ShimResponse.Ok($"UserShell: {userShell}\n"))).Locator, _dir.Combine("no-passwd"));

    [Fact]
    public void An_existing_SHELL_wins_and_the_user_record_is_not_asked()
    {
        var shell = ExistingShell("zsh");
        var login = WithDscl("/bin/bash");

        Assert.Equal(shell, login.Find(PlatformKind.MacOS, shell, "me"));
        Assert.Empty(_shims.Calls());
    }

    [Fact]
    public void On_macOS_an_unset_SHELL_is_read_from_the_user_record_with_dscl()
    {
        var recorded = ExistingShell("fish");
        var login = WithDscl(recorded);

        Assert.Equal(recorded, login.Find(PlatformKind.MacOS, null, "me"));
        var call = Assert.Single(_shims.Calls());
        Assert.Equal(["dscl", ".", "-read", "/Users/me", "UserShell"], [call.Tool, .. call.Arguments]);
    }

    [Fact]
    public void On_macOS_a_stale_SHELL_gives_way_to_the_user_record()
    {
        var recorded = ExistingShell("zsh");
        var login = WithDscl(recorded);

        Assert.Equal(recorded, login.Find(PlatformKind.MacOS, "/opt/homebrew/bin/fish-uninstalled", "me"));
    }

    [Fact]
    public void A_stale_SHELL_is_kept_when_the_record_names_no_existing_shell_so_the_check_can_name_it()
    {
        var login = WithDscl("/nonexistent/zsh");

        Assert.Equal("/opt/homebrew/bin/fish-uninstalled", login.Find(PlatformKind.MacOS, "/opt/homebrew/bin/fish-uninstalled", "me"));
    }

    [Fact]
    public void When_dscl_fails_there_is_no_shell()
    {
        var login = new LoginShell(_shims.Add("dscl", new ShimRule("UserShell", new ShimResponse(56, "", "DS Error: -14136 (eDSRecordNotFound)"))).Locator);

        Assert.Null(login.Find(PlatformKind.MacOS, "", "nobody-here"));
    }

    [Fact]
    public void On_Linux_an_unset_SHELL_is_read_from_passwd_without_running_anything()
    {
        var bash = ExistingShell("bash");
        var passwd = _dir.Combine("passwd");
        File.WriteAllText(passwd, $"root:x:0:0:root:/root:/bin/sh\nme:x:1000:1000:Me,,,:/home/me:{bash}\n");
        var login = new LoginShell(_shims.Add("getent").Locator, passwd);

        Assert.Equal(bash, login.Find(PlatformKind.Linux, null, "me"));
        Assert.Empty(_shims.Calls());
    }

    [Fact]
    public void On_Linux_a_user_missing_from_passwd_is_asked_of_getent()
    {
        var zsh = ExistingShell("zsh");
        var passwd = _dir.Combine("passwd");
        File.WriteAllText(passwd, "root:x:0:0:root:/root:/bin/sh\n");
        var login = new LoginShell(_shims.Add("getent", new ShimRule("passwd", ShimResponse.Ok($"ldapuser:*:5000:5000::/home/ldapuser:{zsh}\n"))).Locator, passwd);

        Assert.Equal(zsh, login.Find(PlatformKind.Linux, null, "ldapuser"));
    }

    [Theory]
    [InlineData("UserShell: /bin/zsh\n", "/bin/zsh")]
    [InlineData("UserShell:\n /opt/my shells/zsh\n", "/opt/my shells/zsh")]
    [InlineData("No such key: UserShell\n", null)]
    [InlineData("UserShell: zsh\n", null)]
    public void Dscl_output_is_read_in_both_of_its_shapes(string output, string? expected)
    {
        Assert.Equal(expected, LoginShell.ParseDscl(output));
    }
}
