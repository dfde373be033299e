using GoWatch.Platform.Notifications;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Notifications;

/// <summary>The app a Mac must allow to notify follows the tool the notifier itself would run.</summary>
public sealed class NotificationPermissionTests : IDisposable
{
    private readonly ShimDirectory _shims = new();

    public void Dispose() => _shims.Dispose();

    [Fact]
    public void Osascript_notifications_need_script_editor_allowed_even_with_terminal_notifier_installed()
    {
        _shims.Add("terminal-notifier").Add("osascript");

        var permission = NotificationPermission.ForMac(_shims.Locator);

        Assert.Equal(NotificationChannel.Osascript, permission.Channel);
        Assert.Equal(Path.Combine(_shims.BinDir, "osascript"), permission.ToolPath);
        Assert.Equal("Script Editor", permission.App);
        Assert.Contains("System Settings › Notifications › Script Editor", permission.Hint);
    }

    [Fact]
    public void Terminal_notifier_alone_needs_terminal_notifier_allowed()
    {
        _shims.Add("terminal-notifier");

        var permission = NotificationPermission.ForMac(_shims.Locator);

        Assert.Equal(NotificationChannel.TerminalNotifier, permission.Channel);
        Assert.Equal("terminal-notifier", permission.App);
        Assert.Contains($"terminal-notifier ({Path.Combine(_shims.BinDir, "terminal-notifier")})", permission.Hint);
    }

    [Fact]
    public void Without_either_tool_no_app_needs_permission_and_the_hint_says_so()
    {
        var permission = NotificationPermission.ForMac(_shims.Locator);

        Assert.Equal(NotificationChannel.Log, permission.Channel);
        Assert.Null(permission.App);
        Assert.Contains("go to its log only", permission.Hint);
    }

    [Fact]
    public async Task The_permission_names_the_channel_the_notifier_then_uses()
    {
        _shims.Add("terminal-notifier").Add("osascript");

        var permission = NotificationPermission.ForMac(_shims.Locator);
        var sent = await new MacDesktopNotifier(_shims.Locator, TimeSpan.FromSeconds(5)).NotifyAsync("GoWatch", "test", CancellationToken.None);

        Assert.Equal(permission.Channel, sent.Channel);
        Assert.Equal(permission.ToolPath, sent.ToolPath);
    }
}
