using GoWatch.Platform.Service;

namespace GoWatch.Platform.Notifications;

/// <summary>
/// macOS notifications: <c>osascript</c> running a fixed script that reads the title and
/// message from its argv; <c>terminal-notifier</c> only where osascript is missing.
/// </summary>
public sealed class MacDesktopNotifier : IDesktopNotifier
{
    /// <summary>terminal-notifier group: a newer GoWatch notification replaces the older one.</summary>
    public const string Group = "dev.gowatch";

    /// <summary>
    /// The whole AppleScript, one <c>-e</c> line each. User text arrives only as items of
    /// <c>argv</c>, so no title or message can ever become AppleScript source.
    /// </summary>
    public static readonly IReadOnlyList<string> ScriptLines =
    [
        "on run argv",
        "display notification (item 2 of argv) with title (item 1 of argv)",
        "end run",
    ];

    // Invisible, so a guarded notification reads the same.
    private const string ZeroWidthSpace = "\u200B";

    private readonly ToolLocator _tools;
    private readonly TimeSpan _timeout;

    /// <summary>Looks tools up with <paramref name="tools"/>; each call is killed after <paramref name="timeout"/>.</summary>
    public MacDesktopNotifier(ToolLocator tools, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(tools);
        _tools = tools;
        _timeout = timeout;
    }

    public Task<NotificationResult> NotifyAsync(string title, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(message);
        var (channel, tool) = ChannelFor(_tools);
        switch (channel)
        {
            case NotificationChannel.Osascript:
                var script = ScriptLines.SelectMany(line => new[] { "-e", line }).Append(NotAnOption(title)).Append(message).ToArray();
                return NotificationProcess.RunAsync(channel, tool!, script, _timeout, cancellationToken);
            case NotificationChannel.TerminalNotifier:
                string[] args = ["-title", ForUserDefaults(title), "-message", ForUserDefaults(message), "-group", Group];
                return NotificationProcess.RunAsync(channel, tool!, args, _timeout, cancellationToken);
            default:
                return Task.FromResult(NotificationResult.Log("Neither terminal-notifier nor osascript is on PATH."));
        }
    }

    /// <summary>
    /// The channel notifications take with <paramref name="tools"/>, and its tool: the one rule
    /// the daemon follows and <c>gowatch doctor</c> reports. osascript first: under launchd on
    /// recent macOS, terminal-notifier exits 0 while showing nothing, so a notification would be
    /// recorded as sent that nobody saw.
    /// </summary>
    public static (NotificationChannel Channel, string? ToolPath) ChannelFor(ToolLocator tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        if (tools.Find("osascript") is { } osascript)
        {
            return (NotificationChannel.Osascript, osascript);
        }
        return tools.Find("terminal-notifier") is { } terminalNotifier
            ? (NotificationChannel.TerminalNotifier, terminalNotifier)
            : (NotificationChannel.Log, null);
    }

    // osascript stops reading options at the first argument that does not start with '-': the title.
    private static string NotAnOption(string text) => text.StartsWith('-') ? ZeroWidthSpace + text : text;

    // terminal-notifier reads its options through NSUserDefaults, which takes a value that looks like
    // an option or an old-style property list ("(a, b)", "{…}", "<…>", "\"…\"") as that instead of text.
    private static string ForUserDefaults(string text) =>
        text.TrimStart() is { Length: > 0 } trimmed && "-({<\"".Contains(trimmed[0]) ? ZeroWidthSpace + text : text;
}
