using GoWatch.Platform.Service;

namespace GoWatch.Platform.Notifications;

/// <summary>
/// Which app macOS asks the user to allow notifications for, given the tool gowatchd shows them
/// with. macOS files a notification under the app that posts it: <c>osascript</c>'s
/// <c>display notification</c> posts as Script Editor (a process started by launchd has no
/// terminal to be attributed to), terminal-notifier as itself. Until that app is allowed in
/// System Settings › Notifications, or while a Focus is on, the tool exits 0 and shows nothing.
/// </summary>
/// <param name="Channel">The channel gowatchd takes.</param>
/// <param name="ToolPath">The tool it runs; null when it has none and writes notifications to its log.</param>
/// <param name="App">The app to allow in System Settings › Notifications; null when there is none.</param>
public sealed record NotificationPermission(NotificationChannel Channel, string? ToolPath, string? App)
{
    /// <summary>The app Script Editor, as System Settings lists it, for notifications posted by osascript.</summary>
    public const string ScriptEditor = "Script Editor";

    /// <summary>terminal-notifier, as System Settings lists it.</summary>
    public const string TerminalNotifier = "terminal-notifier";

    /// <summary>What a Mac's gowatchd, finding its tools with <paramref name="daemonTools"/>, needs allowed.</summary>
    public static NotificationPermission ForMac(ToolLocator daemonTools)
    {
        var (channel, tool) = MacDesktopNotifier.ChannelFor(daemonTools);
        var app = channel switch
        {
            NotificationChannel.Osascript => ScriptEditor,
            NotificationChannel.TerminalNotifier => TerminalNotifier,
            _ => null,
        };
        return new NotificationPermission(channel, tool, app);
    }

    /// <summary>One line for people: the tool, the app to allow and where.</summary>
    public string Hint => App switch
    {
        ScriptEditor =>
            $"Notifications: gowatchd shows them with osascript ({ToolPath}), which macOS files under \"{ScriptEditor}\": " +
            $"allow it in System Settings › Notifications › {ScriptEditor}. It is listed there only once it has posted a notification; " +
            "if it is missing, run `osascript -e 'display notification \"test\"'` once. A Focus (Do Not Disturb, Sleep) hides them too.",
        TerminalNotifier =>
            $"Notifications: gowatchd shows them with terminal-notifier ({ToolPath}): " +
            $"allow \"{TerminalNotifier}\" in System Settings › Notifications. A Focus (Do Not Disturb, Sleep) hides them too.",
        _ => "Notifications: neither osascript nor terminal-notifier is on gowatchd's PATH, so notifications go to its log only.",
    };
}
