using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Probes;

/// <summary>Port: reads Go's env file.</summary>
public interface IGoEnvFileReader
{
    /// <summary>Reads <see cref="GoWatchSettings.GoEnvFile"/>; a missing or unreadable file is described, not thrown.</summary>
    Task<GoEnvFileFacts> ReadAsync(GoWatchSettings settings, CancellationToken cancellationToken);
}
