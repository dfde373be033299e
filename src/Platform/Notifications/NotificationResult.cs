namespace GoWatch.Platform.Notifications;

/// <summary>What a notification attempt did.</summary>
/// <param name="Channel">The channel used.</param>
/// <param name="Arguments">The argv after the tool's name, exactly as passed; empty for <see cref="NotificationChannel.Log"/>.</param>
/// <param name="Succeeded">The tool ran and exited 0. Always false for <see cref="NotificationChannel.Log"/>: nothing was shown.</param>
/// <param name="Error">Why it failed (the tool's stderr, a timeout, a missing tool); null on success.</param>
public sealed record NotificationResult(NotificationChannel Channel, IReadOnlyList<string> Arguments, bool Succeeded, string? Error)
{
    /// <summary>The tool that ran; null for <see cref="NotificationChannel.Log"/>.</summary>
    public string? ToolPath { get; init; }

    /// <summary>The channel's stable name: <c>osascript</c>, <c>terminal-notifier</c>, <c>notify-send</c> or <c>log</c>.</summary>
    public string ChannelName => Channel switch
    {
        NotificationChannel.Osascript => "osascript",
        NotificationChannel.TerminalNotifier => "terminal-notifier",
        NotificationChannel.NotifySend => "notify-send",
        _ => "log",
    };

    /// <summary>The result that tells the caller to log the notification instead.</summary>
    public static NotificationResult Log(string reason) => new(NotificationChannel.Log, [], false, reason);
}
