using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Probes;

/// <summary>Port: reads GoLand's global options and its projects' settings.</summary>
public interface IGoLandReader
{
    /// <summary>Reads the newest GoLand config under <see cref="GoWatchSettings.JetBrainsConfigRoot"/> and every project it lists plus <paramref name="extraProjects"/>.</summary>
    Task<GoLandFacts> ReadAsync(GoWatchSettings settings, IReadOnlyList<string> extraProjects, CancellationToken cancellationToken);
}
