namespace GoWatch.Platform.Notifications;

/// <summary>Shows a desktop notification. Never throws for a missing or failing tool: the result says what happened.</summary>
public interface IDesktopNotifier
{
    /// <summary>
    /// Shows <paramref name="message"/> under <paramref name="title"/>. Both are passed to the tool
    /// as separate argv items, never spliced into a shell command or a script. When the result's
    /// channel is <see cref="NotificationChannel.Log"/> or it did not succeed, the caller logs the text.
    /// </summary>
    Task<NotificationResult> NotifyAsync(string title, string message, CancellationToken cancellationToken);
}
