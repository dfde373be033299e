namespace GoWatch.Platform.Notifications;

/// <summary>How a notification was (or was to be) delivered.</summary>
public enum NotificationChannel
{
    /// <summary>macOS <c>osascript</c> with a fixed AppleScript.</summary>
    Osascript,

    /// <summary>macOS <c>terminal-notifier</c>, preferred where installed.</summary>
    TerminalNotifier,

    /// <summary>Linux <c>notify-send</c> (libnotify).</summary>
    NotifySend,

    /// <summary>No desktop tool: the caller writes the notification to its log.</summary>
    Log,
}
