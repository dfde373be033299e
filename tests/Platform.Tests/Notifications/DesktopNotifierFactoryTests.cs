using GoWatch.Platform.Notifications;
using GoWatch.Platform.Service;

namespace GoWatch.Platform.Tests.Notifications;

public sealed class DesktopNotifierFactoryTests
{
    [Theory]
    [InlineData(PlatformKind.MacOS, typeof(MacDesktopNotifier))]
    [InlineData(PlatformKind.Linux, typeof(LinuxDesktopNotifier))]
    [InlineData((PlatformKind)99, typeof(LogDesktopNotifier))]
    public void Chooses_the_notifier_by_platform(PlatformKind platform, Type expected)
    {
        Assert.IsType(expected, DesktopNotifierFactory.Create(platform, new ToolLocator([]), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task The_log_notifier_always_says_log()
    {
        var result = await new LogDesktopNotifier().NotifyAsync("t", "m", CancellationToken.None);

        Assert.Equal(NotificationChannel.Log, result.Channel);
    }
}
