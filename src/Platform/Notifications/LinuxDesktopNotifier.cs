using GoWatch.Platform.Service;

namespace GoWatch.Platform.Notifications;

/// <summary>Linux notifications through <c>notify-send</c> (libnotify).</summary>
public sealed class LinuxDesktopNotifier : IDesktopNotifier
{
    /// <summary>The application name notification daemons show and group by.</summary>
    public const string AppName = "GoWatch";

    private readonly ToolLocator _tools;
    private readonly TimeSpan _timeout;

    /// <summary>Looks notify-send up with <paramref name="tools"/>; each call is killed after <paramref name="timeout"/>.</summary>
    public LinuxDesktopNotifier(ToolLocator tools, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(tools);
        _tools = tools;
        _timeout = timeout;
    }

    public Task<NotificationResult> NotifyAsync(string title, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(message);
        if (_tools.Find("notify-send") is not { } notifySend)
        {
            return Task.FromResult(NotificationResult.Log("notify-send is not on PATH (Debian/Ubuntu package libnotify-bin)."));
        }
        // "--" ends the options, so a title or message that starts with '-' stays text.
        string[] args = [$"--app-name={AppName}", "--", title, message];
        return NotificationProcess.RunAsync(NotificationChannel.NotifySend, notifySend, args, _timeout, cancellationToken);
    }
}
