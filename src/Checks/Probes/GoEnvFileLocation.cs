using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Probes;

/// <summary>
/// Which Go env file Go reads: the one <c>go env GOENV</c> names, which the shell may move with
/// <c>GOENV=</c>; the default place only when neither says otherwise.
/// </summary>
public static class GoEnvFileLocation
{
    /// <summary>Go's word for "read no env file".</summary>
    public const string Off = "off";

    /// <summary>The file Go reads for this shell and go, or <see cref="Off"/>.</summary>
    public static string Of(GoWatchSettings settings, ShellFacts shell, GoFacts? go)
    {
        if (go?.EnvValue("GOENV") is { Length: > 0 } fromGo)
        {
            return fromGo;
        }
        // An old go that does not know GOENV, or no go at all: the shell's value is what a go would use.
        if (shell.Get("GOENV") is { Length: > 0 } fromShell && (fromShell == Off || Path.IsPathFullyQualified(fromShell)))
        {
            return fromShell;
        }
        return settings.GoEnvFile;
    }
}
