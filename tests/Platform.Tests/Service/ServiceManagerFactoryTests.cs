using GoWatch.Platform.Service;

namespace GoWatch.Platform.Tests.Service;

public sealed class ServiceManagerFactoryTests
{
    private static readonly ServiceOptions Options = new()
    {
        Home = "/Users/dev",
        LogDir = "/Users/dev/Library/Logs/GoWatch",
        Daemon = DaemonLaunch.FromExecutable("/opt/gowatchd"),
    };

    [Fact]
    public void MacOS_gets_the_launch_agent_in_the_users_LaunchAgents()
    {
        var manager = ServiceManagerFactory.Create(PlatformKind.MacOS, Options);

        Assert.IsType<LaunchdServiceManager>(manager);
        Assert.Equal("/Users/dev/Library/LaunchAgents/dev.gowatch.agent.plist", manager.ServiceFilePath);
        Assert.Equal("dev.gowatch.agent", manager.ServiceName);
    }

    [Fact]
    public void Linux_gets_the_systemd_user_unit()
    {
        var manager = ServiceManagerFactory.Create(PlatformKind.Linux, Options);

        Assert.IsType<SystemdServiceManager>(manager);
        Assert.Equal("/Users/dev/.config/systemd/user/gowatch.service", manager.ServiceFilePath);
        Assert.Equal("gowatch.service", manager.ServiceName);
    }
}
