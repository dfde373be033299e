namespace GoWatch.Platform.Service;

/// <summary>
/// Installs, removes and inspects the per-user GoWatch service: a launchd agent on macOS, a
/// systemd user unit on Linux. Failures come back as a <see cref="ServiceResult"/> with a message,
/// not as exceptions; only cancellation throws.
/// </summary>
public interface IServiceManager
{
    /// <summary>The launchd label or systemd unit name.</summary>
    string ServiceName { get; }

    /// <summary>Where the plist or unit file is written.</summary>
    string ServiceFilePath { get; }

    /// <summary>The plist or unit file for the configured daemon.</summary>
    /// <exception cref="ServiceTemplateException">A path cannot be expressed in the file format.</exception>
    string Render();

    /// <summary>Writes the service file and starts the service (replacing a loaded one).</summary>
    Task<ServiceResult> InstallAsync(bool dryRun, CancellationToken cancellationToken = default);

    /// <summary>Stops the service and removes its file; succeeds when it was not installed.</summary>
    Task<ServiceResult> UninstallAsync(bool dryRun, CancellationToken cancellationToken = default);

    /// <summary>Asks the service manager whether the service is loaded and running.</summary>
    Task<ServiceResult> StatusAsync(bool dryRun, CancellationToken cancellationToken = default);
}
