using System.Text;
using GoWatch.Checks.Facts;
using GoWatch.Platform;
using GoWatch.Platform.Locations;
using GoWatch.Platform.Processes;
using GoWatch.Platform.Service;

namespace GoWatch.Checks.Probes;

/// <summary>
/// Reads the desktop session's environment: on macOS <c>launchctl getenv NAME</c> for PATH and
/// each Go variable (launchd lists no whole environment to a user agent), on Linux
/// <c>systemctl --user show-environment</c>. Each tool runs with an argv array under a timeout;
/// a missing tool, a missing user bus or a failure becomes the reason the session was not read.
/// </summary>
/// <param name="tools">Where launchctl and systemctl are looked for.</param>
/// <param name="sessionHome">The HOME of the user whose session the tools reach; a check of another HOME (a sandbox) does not read it.</param>
public sealed class DesktopSessionProbe(ToolLocator tools, string? sessionHome = null) : IDesktopSessionProbe
{
    /// <summary>A probe of this process's user session, finding its tools on PATH, then in /bin and /usr/bin (a daemon's PATH may be minimal).</summary>
    public DesktopSessionProbe()
        : this(ToolLocator.FromPathVariable(System.Environment.GetEnvironmentVariable("PATH") + ":/bin:/usr/bin"),
            System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile))
    {
    }

    /// <summary>The variables asked for on macOS: PATH and the Go variables <c>gowatch explain</c> covers.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "PATH", "GOROOT", "GOPATH", "GOBIN", "GOENV", "GOFLAGS", "GO111MODULE", "GOPROXY", "GOSUMDB", "GOTOOLCHAIN", "CGO_ENABLED", "CC",
    ];

    /// <inheritdoc />
    public Task<DesktopSessionFacts> ProbeAsync(GoWatchSettings settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // The session belongs to the user running GoWatch; a setup under another HOME never started it.
        if (sessionHome is { Length: > 0 } own && Path.TrimEndingDirectorySeparator(own) != Path.TrimEndingDirectorySeparator(settings.Home))
        {
            return Task.FromResult(DesktopSessionFacts.NotRead($"the desktop session is the one of {own}, not of {settings.Home}"));
        }
        return settings.Platform == PlatformKind.MacOS ? LaunchdAsync(timeout, cancellationToken) : SystemdAsync(timeout, cancellationToken);
    }

    private async Task<DesktopSessionFacts> LaunchdAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        const string source = "launchctl getenv";
        if (tools.Find("launchctl") is not { } launchctl)
        {
            return DesktopSessionFacts.NotRead("launchctl was not found");
        }
        var runs = Names.Select(name => ProcessRunner.RunAsync(new ProcessSpec(launchctl, ["getenv", name]) { Timeout = timeout, MaxOutputChars = 256 * 1024 }, cancellationToken)).ToList();
        var results = await Task.WhenAll(runs).ConfigureAwait(false);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Names.Count; i++)
        {
            var result = results[i];
            if (WhyFailed(source, result) is { } why)
            {
                return DesktopSessionFacts.NotRead(why);
            }
            // An unset variable prints nothing; a set one prints its value and a newline.
            if (result.Stdout.Length > 0)
            {
                variables[Names[i]] = result.Stdout.EndsWith('\n') ? result.Stdout[..^1] : result.Stdout;
            }
        }
        return new DesktopSessionFacts { Source = source, Variables = variables };
    }

    private async Task<DesktopSessionFacts> SystemdAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        const string source = "systemctl --user show-environment";
        if (tools.Find("systemctl") is not { } systemctl)
        {
            return DesktopSessionFacts.NotRead("systemctl was not found (no systemd user session)");
        }
        var result = await ProcessRunner.RunAsync(new ProcessSpec(systemctl, ["--user", "show-environment"]) { Timeout = timeout, MaxOutputChars = 1024 * 1024 }, cancellationToken).ConfigureAwait(false);
        if (WhyFailed(source, result) is { } why)
        {
            return DesktopSessionFacts.NotRead(why);
        }
        return new DesktopSessionFacts { Source = source, Variables = ParseShowEnvironment(result.Stdout) };
    }

    private static string? WhyFailed(string source, ProcessResult result)
    {
        if (!result.Started)
        {
            return $"{source} could not be started: {result.StartError}";
        }
        if (result.TimedOut)
        {
            return $"{source} did not answer within {result.Duration.TotalSeconds:0} s";
        }
        if (result.ExitCode != 0)
        {
            var said = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            return $"{source} failed (exit {result.ExitCode}){(said is null ? "" : ": " + said)}";
        }
        return null;
    }

    /// <summary>Parses <c>KEY=VALUE</c> lines; systemd writes a value with special characters as <c>$'…'</c> with C escapes.</summary>
    public static IReadOnlyDictionary<string, string> ParseShowEnvironment(string stdout)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n'))
        {
            var eq = line.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }
            var value = line[(eq + 1)..];
            variables[line[..eq]] = value.Length >= 3 && value.StartsWith("$'", StringComparison.Ordinal) && value.EndsWith('\'') ? Unescape(value[2..^1]) : value;
        }
        return variables;
    }

    private static string Unescape(string quoted)
    {
        var text = new StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] != '\\' || i + 1 == quoted.Length)
            {
                text.Append(quoted[i]);
                continue;
            }
            var c = quoted[++i];
            text.Append(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'e' => '\u001b', _ => c });
        }
        return text.ToString();
    }
}
