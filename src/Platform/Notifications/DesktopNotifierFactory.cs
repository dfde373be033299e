using GoWatch.Platform.Service;

namespace GoWatch.Platform.Notifications;

/// <summary>Picks the desktop notifier for the platform GoWatch runs under.</summary>
public static class DesktopNotifierFactory
{
    /// <summary>A notifier can hang (no notification daemon, a stuck bus); it must never hold up the daemon longer than this.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The notifier for <paramref name="platform"/>, finding tools on this process's PATH.</summary>
    public static IDesktopNotifier Create(PlatformKind platform) => Create(platform, ToolLocator.FromEnvironment(), DefaultTimeout);

    public static IDesktopNotifier Create(PlatformKind platform, ToolLocator tools, TimeSpan timeout) => platform switch
    {
        PlatformKind.MacOS => new MacDesktopNotifier(tools, timeout),
        PlatformKind.Linux => new LinuxDesktopNotifier(tools, timeout),
        _ => new LogDesktopNotifier(),
    };
}
