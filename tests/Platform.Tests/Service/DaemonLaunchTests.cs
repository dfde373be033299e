using GoWatch.Platform.Service;

namespace GoWatch.Platform.Tests.Service;

public sealed class DaemonLaunchTests
{
    [Fact]
    public void Forwarded_environment_carries_gowatch_and_dotnet_root_variables_only()
    {
        var launch = DaemonLaunch.FromExecutable("/opt/gowatchd").WithForwardedEnvironment(new Dictionary<string, string>
        {
            ["GOWATCH_DATA_DIR"] = "/data",
            ["DOTNET_ROOT"] = "/opt/homebrew/opt/dotnet/libexec",
            ["HOME"] = "/Users/dev",
            ["GITHUB_TOKEN"] = "secret",
        });

        Assert.Equal(["DOTNET_ROOT", "GOWATCH_DATA_DIR"], launch.Environment.Keys.Order());
    }

    [Fact]
    public void A_dll_launch_runs_the_dotnet_host_with_the_dll_first()
    {
        var launch = DaemonLaunch.FromDll("/usr/bin/dotnet", "/opt/gowatchd.dll", "--verbose");

        Assert.Equal("/usr/bin/dotnet", launch.ExecutablePath);
        Assert.Equal(["/opt/gowatchd.dll", "--verbose"], launch.Arguments);
    }
}
