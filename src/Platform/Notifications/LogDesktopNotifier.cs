namespace GoWatch.Platform.Notifications;

/// <summary>For platforms without a desktop tool: every result tells the caller to log the notification.</summary>
public sealed class LogDesktopNotifier : IDesktopNotifier
{
    public Task<NotificationResult> NotifyAsync(string title, string message, CancellationToken cancellationToken) =>
        Task.FromResult(NotificationResult.Log("No desktop notifications on this platform."));
}
