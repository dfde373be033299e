using GoWatch.Checks.Toolchain;

namespace GoWatch.Checks.Tests.Toolchain;

/// <summary>GOTOOLCHAIN's forms (go.dev/doc/toolchain#select).</summary>
public sealed class ToolchainSettingTests
{
    [Theory]
    [InlineData("local", "local", ToolchainMode.Fixed)]
    [InlineData("auto", "local", ToolchainMode.Auto)]
    [InlineData("path", "local", ToolchainMode.Path)]
    [InlineData("local+auto", "local", ToolchainMode.Auto)]
    [InlineData("go1.21.0", "go1.21.0", ToolchainMode.Fixed)]
    [InlineData("go1.23.1+auto", "go1.23.1", ToolchainMode.Auto)]
    [InlineData(" go1.23.1+path ", "go1.23.1", ToolchainMode.Path)]
    public void Each_form_names_a_default_toolchain_and_whether_go_may_switch(string value, string defaultName, ToolchainMode mode)
    {
        var setting = ToolchainSetting.Parse(value);

        Assert.NotNull(setting);
        Assert.Equal(defaultName, setting.DefaultName);
        Assert.Equal(mode, setting.Mode);
        Assert.Equal(defaultName == "local", setting.DefaultVersion is null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("go1.22")]
    [InlineData("1.22.5")]
    [InlineData("newest")]
    [InlineData("go1.22.5+sometimes")]
    public void A_value_go_does_not_accept_is_none(string value) => Assert.Null(ToolchainSetting.Parse(value));
}
