using GoWatch.Platform.Locations;

namespace GoWatch.Platform.Service;

/// <summary>Picks the service manager for the platform GoWatch runs under.</summary>
public static class ServiceManagerFactory
{
    /// <summary>The manager for <paramref name="settings"/>' platform, with real tools and the real uid.</summary>
    public static IServiceManager Create(GoWatchSettings settings, DaemonLaunch daemon)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Create(settings.Platform, ServiceOptions.From(settings, daemon));
    }

    public static IServiceManager Create(PlatformKind platform, ServiceOptions options) => platform switch
    {
        PlatformKind.MacOS => new LaunchdServiceManager(options),
        PlatformKind.Linux => new SystemdServiceManager(options),
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "No service manager for this platform."),
    };
}
