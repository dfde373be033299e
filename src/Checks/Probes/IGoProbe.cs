using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Probes;

/// <summary>Port: finds the <c>go</c> the login shell would run and asks it about itself.</summary>
public interface IGoProbe
{
    /// <summary>Resolves <c>go</c> on the shell's PATH and runs <c>go env -json</c> and <c>go version</c> with the shell's environment.</summary>
    Task<GoFacts> ProbeAsync(GoWatchSettings settings, ShellFacts shell, TimeSpan timeout, CancellationToken cancellationToken);
}
