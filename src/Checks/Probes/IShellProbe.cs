using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Probes;

/// <summary>Port: runs the user's login shell and reports what it left behind.</summary>
public interface IShellProbe
{
    /// <summary>Runs the login shell of <paramref name="settings"/> under <paramref name="timeout"/>; a missing shell is reported in the facts, not thrown.</summary>
    Task<ShellFacts> ProbeAsync(GoWatchSettings settings, TimeSpan timeout, CancellationToken cancellationToken);
}
