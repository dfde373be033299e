using GoWatch.Platform.Notifications;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Notifications;

public sealed class LinuxDesktopNotifierTests : IDisposable
{
    private readonly ShimDirectory _shims = new();
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _shims.Dispose();
        _temp.Dispose();
    }

    private LinuxDesktopNotifier Notifier() => new(_shims.Locator, TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Uses_notify_send_with_the_app_name_and_ends_options_before_the_text()
    {
        _shims.Add("notify-send");

        var result = await Notifier().NotifyAsync("GoWatch: PATH broken", "-rf ~/.zshrc line 12", CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(NotificationChannel.NotifySend, result.Channel);
        Assert.Equal("notify-send", result.ChannelName);
        Assert.Equal(["--app-name=GoWatch", "--", "GoWatch: PATH broken", "-rf ~/.zshrc line 12"], Assert.Single(_shims.Calls()).Arguments);
    }

    [Fact]
    public async Task Hostile_text_reaches_notify_send_verbatim_and_runs_nothing()
    {
        _shims.Add("notify-send");
        var marker = _temp.Combine("pwned");
        var message = Hostile.Message(marker);

        await Notifier().NotifyAsync("it's \"GoWatch\"", message, CancellationToken.None);

        var args = Assert.Single(_shims.Calls()).Arguments;
        Assert.Equal(["--app-name=GoWatch", "--", "it's \"GoWatch\"", message], args);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task Without_notify_send_the_result_says_log()
    {
        var result = await Notifier().NotifyAsync("GoWatch", "message", CancellationToken.None);

        Assert.Equal("log", result.ChannelName);
        Assert.False(result.Succeeded);
        Assert.Contains("notify-send", result.Error);
    }

    [Fact]
    public async Task Without_a_session_bus_notify_send_fails_and_says_why()
    {
        _shims.Add("notify-send", new ShimRule("--", new ShimResponse(1, "", "Cannot autolaunch D-Bus without X11 $DISPLAY\n")));

        var result = await Notifier().NotifyAsync("GoWatch", "message", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(NotificationChannel.NotifySend, result.Channel);
        Assert.Contains("Cannot autolaunch D-Bus", result.Error);
    }
}
