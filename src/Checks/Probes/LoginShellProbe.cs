using GoWatch.Checks.Facts;
using GoWatch.Platform;
using GoWatch.Platform.Locations;
using GoWatch.Platform.Processes;
using GoWatch.Platform.Security;

namespace GoWatch.Checks.Probes;

/// <summary>
/// Starts the login shell the way an IDE does (<c>-l -i</c>; fish <c>-l</c>) from the minimal
/// environment launchd gives a GUI app, with tracing on, and makes it print its exported
/// environment between markers. The script is a constant: no path or file text is ever part
/// of a command line.
/// </summary>
public sealed class LoginShellProbe : IShellProbe
{
    /// <summary>PATH as launchd hands it to GUI applications before any startup file runs.</summary>
    public const string MinimalPath = "/usr/bin:/bin:/usr/sbin:/sbin";

    internal const string BeginMarker = "__GOWATCH_ENV_BEGIN_6b1f__";
    internal const string EndMarker = "__GOWATCH_ENV_END_6b1f__";

    // Absolute /usr/bin/env: the user's PATH may be exactly what is broken.
    internal const string Script = "printf '%s\\n' " + BeginMarker + "; /usr/bin/env -0; printf '\\n%s\\n' " + EndMarker;

    // bash ignores an inherited PS4 when run as root, so it is set inside the shell and the login
    // sequence is run by hand, exactly as bash does it: /etc/profile, then the first readable of
    // ~/.bash_profile, ~/.bash_login, ~/.profile. --login keeps login_shell on for scripts that ask.
    internal const string BashScript =
        "PS4='+${BASH_SOURCE}:${LINENO}> '; set -x; " +
        "if [ -r /etc/profile ]; then . /etc/profile; fi; " +
        "for __gowatch_f in \"$HOME/.bash_profile\" \"$HOME/.bash_login\" \"$HOME/.profile\"; do if [ -r \"$__gowatch_f\" ]; then . \"$__gowatch_f\"; break; fi; done; " +
        "unset __gowatch_f; set +x; " + Script;

    /// <inheritdoc />
    public async Task<ShellFacts> ProbeAsync(GoWatchSettings settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var shell = settings.Shell;
        if (string.IsNullOrWhiteSpace(shell))
        {
            return new ShellFacts { Exists = false, Timeout = timeout, StartError = "No login shell is configured ($SHELL is empty and no user record names one)." };
        }
        var kind = KindOf(shell);
        if (!FileSystemPaths.IsExecutableFile(shell))
        {
            return new ShellFacts
            {
                ShellPath = shell,
                Kind = kind,
                Exists = false,
                Timeout = timeout,
                StartError = File.Exists(shell) ? $"The login shell {shell} is not executable." : $"The login shell {shell} does not exist.",
                Assignments = SafeStaticAssignments(kind, settings.Home),
            };
        }

        // The shell would block opening a FIFO in a startup file's place (until the probe's
        // timeout): say so instead of starting it.
        foreach (var file in StartupFiles.For(kind, settings.Home))
        {
            if (File.Exists(file) && RegularFile.WhyNotRegular(file) is { } why)
            {
                return new ShellFacts
                {
                    ShellPath = shell,
                    Kind = kind,
                    Exists = true,
                    Timeout = timeout,
                    StartError = $"The login shell {shell} was not started: its startup file {file} is {why}, and reading it would block.",
                };
            }
        }

        var spec = new ProcessSpec(shell, Arguments(kind))
        {
            Environment = Environment(settings, shell, kind),
            Timeout = timeout,
            WorkingDirectory = Directory.Exists(settings.Home) ? settings.Home : "/",
            // The trace of a large framework (oh-my-zsh and plugins) runs to a few MB; a shell that
            // prints beyond this is stopped rather than held in memory.
            MaxOutputChars = 16 * 1024 * 1024,
        };
        var result = await ProcessRunner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        if (!result.Started)
        {
            return new ShellFacts
            {
                ShellPath = shell,
                Kind = kind,
                Exists = true,
                Timeout = timeout,
                StartError = $"The login shell {shell} could not be started: {result.StartError}",
                StartupDuration = result.Duration,
            };
        }

        return new ShellFacts
        {
            ShellPath = shell,
            Kind = kind,
            Exists = true,
            ExitCode = result.TimedOut ? null : result.ExitCode,
            TimedOut = result.TimedOut,
            Timeout = timeout,
            Environment = ParseEnvironment(result.Stdout),
            Assignments = ShellTrace.Assignments(kind, result.Stderr, settings.Home),
            AssignmentHistory = ShellTrace.AssignmentHistory(kind, result.Stderr, settings.Home),
            Errors = ShellTrace.Errors(kind, result.Stderr, settings.Home),
            StartupDuration = result.Duration,
        };
    }

    /// <summary>The dialect of a shell, from its file name.</summary>
    public static ShellKind KindOf(string shell) => Path.GetFileName(shell) switch
    {
        var n when n.StartsWith("zsh", StringComparison.Ordinal) => ShellKind.Zsh,
        var n when n.StartsWith("bash", StringComparison.Ordinal) => ShellKind.Bash,
        var n when n.StartsWith("fish", StringComparison.Ordinal) => ShellKind.Fish,
        _ => ShellKind.Other,
    };

    internal static IReadOnlyList<string> Arguments(ShellKind kind) => kind switch
    {
        ShellKind.Zsh => ["-l", "-i", "-x", "-c", Script],
        ShellKind.Bash => ["--login", "--noprofile", "--norc", "-i", "-c", BashScript],
        // fish refuses -i together with -c in some versions and IDEs start it with -l only.
        ShellKind.Fish => ["-l", "-c", Script],
        _ => ["-l", "-c", Script],
    };

    internal static IReadOnlyDictionary<string, string> Environment(GoWatchSettings settings, string shell, ShellKind kind) =>
        Environment(settings, shell, kind, System.Environment.GetEnvironmentVariable("LANG"));

    /// <summary>A UTF-8 locale that exists on the platform: macOS has no <c>C.UTF-8</c> before macOS 14.</summary>
    internal static string Locale(PlatformKind platform, string? inherited) =>
        platform == PlatformKind.MacOS
            ? inherited is { Length: > 0 } && !inherited.StartsWith("C.", StringComparison.OrdinalIgnoreCase) ? inherited : "en_US.UTF-8"
            : inherited is { Length: > 0 } ? inherited : "C.UTF-8";

    internal static IReadOnlyDictionary<string, string> Environment(GoWatchSettings settings, string shell, ShellKind kind, string? inheritedLang)
    {
        var user = System.Environment.GetEnvironmentVariable("USER") is { Length: > 0 } u ? u : System.Environment.UserName;
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = settings.Home,
            ["USER"] = user,
            ["LOGNAME"] = user,
            ["SHELL"] = shell,
            ["TERM"] = "dumb",
            ["LANG"] = Locale(settings.Platform, inheritedLang),
            ["PATH"] = MinimalPath,
        };
        switch (kind)
        {
            case ShellKind.Zsh:
                env["PS4"] = "+%N:%i> ";
                break;
            case ShellKind.Fish:
                env["fish_trace"] = "1";
                break;
        }
        return env;
    }

    internal static IReadOnlyDictionary<string, string>? ParseEnvironment(string stdout)
    {
        var begin = stdout.IndexOf(BeginMarker + "\n", StringComparison.Ordinal);
        if (begin < 0)
        {
            return null;
        }
        begin += BeginMarker.Length + 1;
        var end = stdout.IndexOf("\n" + EndMarker, begin, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in stdout[begin..end].Split('\0'))
        {
            var eq = entry.IndexOf('=');
            if (eq > 0)
            {
                env[entry[..eq]] = entry[(eq + 1)..];
            }
        }
        return env;
    }

    private static IReadOnlyDictionary<string, Evidence> SafeStaticAssignments(ShellKind kind, string home) =>
        ShellTrace.Assignments(kind, "", home);
}
