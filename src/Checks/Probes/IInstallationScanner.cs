using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Probes;

/// <summary>Port: finds Go installations, Homebrew prefixes and dangling <c>go</c> links.</summary>
public interface IInstallationScanner
{
    /// <summary>Scans the well-known locations of SPEC §3 (system ones mapped through <see cref="GoWatchSettings.SystemPath"/>); needs no shell.</summary>
    Task<InstallationFacts> ScanWellKnownAsync(GoWatchSettings settings, CancellationToken cancellationToken);

    /// <summary>Adds what the login shell's PATH leads to and marks the installation of <paramref name="activeGo"/> as the one that runs.</summary>
    InstallationFacts AddPath(InstallationFacts wellKnown, IReadOnlyList<string> pathEntries, string? activeGo);
}
