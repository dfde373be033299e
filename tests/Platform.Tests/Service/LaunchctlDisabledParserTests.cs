using GoWatch.Platform.Service;

namespace GoWatch.Platform.Tests.Service;

/// <summary><c>launchctl print-disabled gui/&lt;uid&gt;</c> as recorded on macOS 14+ and on earlier systems.</summary>
public sealed class LaunchctlDisabledParserTests
{
    private const string Label = "dev.gowatch.agent";

    // macOS 14 and later: enabled / disabled.
    private const string Sonoma = """
        disabled services = {
        	"com.apple.ManagedClientAgent.enrollagent" => disabled
        	"com.docker.helper" => enabled
        	"dev.gowatch.agent" => disabled
        	"com.apple.ScriptMenuApp" => disabled
        }

        login item associations = {
        	"com.docker.helper" => "com.docker.docker"
        }

        """;

    // macOS 12 and earlier: true means disabled.
    private const string Monterey = """
        disabled services = {
        	"com.docker.helper" => false
        	"dev.gowatch.agent" => true
        	"com.apple.Siri.agent" => true
        }
        login item associations = {
        	"version.com.docker.helper" => "64133"
        }
        """;

    [Fact]
    public void A_label_listed_as_disabled_is_disabled()
    {
        Assert.True(LaunchctlDisabledParser.IsDisabled(Sonoma, Label));
    }

    [Fact]
    public void The_older_true_means_disabled_and_false_means_enabled()
    {
        Assert.True(LaunchctlDisabledParser.IsDisabled(Monterey, Label));
        Assert.False(LaunchctlDisabledParser.IsDisabled(Monterey, "com.docker.helper"));
    }

    [Fact]
    public void A_label_listed_as_enabled_is_not_disabled()
    {
        Assert.False(LaunchctlDisabledParser.IsDisabled(Sonoma.Replace("\"dev.gowatch.agent\" => disabled", "\"dev.gowatch.agent\" => enabled", StringComparison.Ordinal), Label));
    }

    [Fact]
    public void A_label_not_listed_is_unknown()
    {
        Assert.Null(LaunchctlDisabledParser.IsDisabled(Sonoma, "dev.gowatch.other"));
        Assert.Null(LaunchctlDisabledParser.IsDisabled("", Label));
    }

    [Fact]
    public void A_label_that_only_appears_among_login_item_associations_is_not_read_as_disabled()
    {
        const string output = "disabled services = {\n}\nlogin item associations = {\n\t\"dev.gowatch.agent\" => \"true\"\n}\n";

        Assert.Null(LaunchctlDisabledParser.IsDisabled(output, Label));
    }

    [Fact]
    public void A_label_that_merely_starts_like_ours_is_not_ours()
    {
        const string output = "disabled services = {\n\t\"dev.gowatch.agent.old\" => disabled\n}\n";

        Assert.Null(LaunchctlDisabledParser.IsDisabled(output, Label));
    }
}
