using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Probes;

/// <summary>Port: reads the environment apps started from the desktop inherit.</summary>
public interface IDesktopSessionProbe
{
    /// <summary>Reads the session; a session that cannot be read is described, not thrown.</summary>
    Task<DesktopSessionFacts> ProbeAsync(GoWatchSettings settings, TimeSpan timeout, CancellationToken cancellationToken);
}
