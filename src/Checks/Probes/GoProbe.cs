using System.Text.Json;
using GoWatch.Checks.Binary;
using GoWatch.Checks.Facts;
using GoWatch.Platform;
using GoWatch.Platform.Locations;
using GoWatch.Platform.Processes;

namespace GoWatch.Checks.Probes;

/// <summary>
/// Resolves <c>go</c> on the login shell's PATH itself (first executable in PATH order, like
/// execvp) and runs it with the shell's own environment, so the answers are the ones the
/// user's terminal and IDE get. A <c>go</c> that hangs, crashes or prints garbage becomes an
/// error text in the facts.
/// </summary>
public sealed class GoProbe : IGoProbe
{
    private const int MaxShownOutput = 200;

    /// <summary>
    /// The variables the checks read. Naming them keeps <c>go env</c> from computing the costly
    /// cgo flags, which runs the C compiler (seconds on a Mac, where clang is an xcrun shim).
    /// None of them is CGO_CFLAGS, CGO_CPPFLAGS, CGO_CXXFLAGS, CGO_FFLAGS, CGO_LDFLAGS, PKG_CONFIG or GOGCCFLAGS.
    /// </summary>
    public static IReadOnlyList<string> EnvNames { get; } =
    [
        "GOROOT", "GOPATH", "GOBIN", "GOENV", "GOFLAGS", "GO111MODULE", "GOPROXY", "GOSUMDB", "GOPRIVATE",
        "GONOPROXY", "GONOSUMDB", "GOINSECURE", "GOTOOLCHAIN", "GOVERSION", "GOOS", "GOARCH", "GOHOSTOS",
        "GOHOSTARCH", "GOMODCACHE", "CGO_ENABLED", "CC", "CXX",
    ];

    /// <inheritdoc />
    public async Task<GoFacts> ProbeAsync(GoWatchSettings settings, ShellFacts shell, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var go = FileSystemPaths.FindOnPath("go", shell.PathEntries);
        if (go is null)
        {
            return new GoFacts();
        }
        var resolved = FileSystemPaths.RealPath(go);
        var root = RootOf(resolved);
        var env = shell.Environment ?? new Dictionary<string, string> { ["PATH"] = LoginShellProbe.MinimalPath, ["HOME"] = settings.Home };

        // A go.mod in the working directory could make a newer go switch toolchains (and download); "/" has none.
        var envTask = ProcessRunner.RunAsync(new ProcessSpec(go, ["env", "-json", .. EnvNames]) { Environment = env, Timeout = timeout, WorkingDirectory = "/" }, cancellationToken);
        var versionTask = ProcessRunner.RunAsync(new ProcessSpec(go, ["version"]) { Environment = env, Timeout = timeout, WorkingDirectory = "/" }, cancellationToken);
        var envResult = await envTask.ConfigureAwait(false);
        var versionResult = await versionTask.ConfigureAwait(false);

        var (goEnv, envError) = ParseEnv(envResult, timeout);
        var (version, platform, versionError) = ParseVersion(versionResult, timeout);

        string? compilerPath = null;
        string? compilerOffPath = null;
        var compilerHeader = BinaryHeader.Unknown;
        if (goEnv is not null && goEnv.TryGetValue("CC", out var cc) && cc.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var ccName, ..])
        {
            compilerPath = ccName.StartsWith('/') ? (FileSystemPaths.IsExecutableFile(ccName) ? ccName : null) : FileSystemPaths.FindOnPath(ccName, shell.PathEntries);
            if (compilerPath is not null)
            {
                compilerHeader = BinaryHeaderReader.Read(compilerPath);
            }
            else if (!ccName.StartsWith('/'))
            {
                // Installed but hidden by a broken PATH: the advice is PATH, not installing a compiler.
                compilerOffPath = FileSystemPaths.FindOnPath(ccName, [.. LoginShellProbe.MinimalPath.Split(':'), "/usr/local/bin", "/opt/homebrew/bin"]);
            }
        }

        var (developerDirectory, developerError) = settings.Platform == PlatformKind.MacOS && compilerPath is not null && IsXcrunShim(compilerPath)
            ? await DeveloperDirectoryAsync(shell, env, timeout, cancellationToken).ConfigureAwait(false)
            : (null, null);

        return new GoFacts
        {
            Path = go,
            ResolvedPath = resolved,
            Root = root,
            Header = BinaryHeaderReader.Read(resolved),
            Env = goEnv,
            EnvError = envError,
            Version = version,
            VersionPlatform = platform,
            VersionError = versionError,
            RootVersionFile = root is null ? null : FileSystemPaths.FirstLine(Path.Combine(root, "VERSION")),
            CompilerPath = compilerPath,
            CompilerHeader = compilerHeader,
            CompilerOffPath = compilerOffPath,
            DeveloperDirectory = developerDirectory,
            DeveloperDirectoryError = developerError,
        };
    }

    /// <summary>Every Mac has <c>/usr/bin/clang</c>, but it is an xcrun shim that works only with the Command Line Tools or Xcode behind it.</summary>
    internal static bool IsXcrunShim(string compilerPath) => Path.GetDirectoryName(compilerPath) == "/usr/bin";

    /// <summary>The developer directory the shim would use, or why there is none (as xcrun would say it).</summary>
    private static async Task<(string? Directory, string? Error)> DeveloperDirectoryAsync(ShellFacts shell, IReadOnlyDictionary<string, string> env, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var xcodeSelect = FileSystemPaths.FindOnPath("xcode-select", shell.PathEntries) ?? (FileSystemPaths.IsExecutableFile("/usr/bin/xcode-select") ? "/usr/bin/xcode-select" : null);
        if (xcodeSelect is null)
        {
            // Every Mac has /usr/bin/xcode-select; without one there is nothing to ask and nothing to claim.
            return (null, null);
        }
        var result = await ProcessRunner.RunAsync(new ProcessSpec(xcodeSelect, ["-p"]) { Environment = env, Timeout = timeout, WorkingDirectory = "/" }, cancellationToken).ConfigureAwait(false);
        if (Failure("xcode-select -p", result, timeout) is { } failure)
        {
            return (null, $"no developer directory is selected (the Command Line Tools are not installed): {failure}");
        }
        var directory = result.Stdout.Trim();
        if (directory.Length == 0 || !Path.IsPathFullyQualified(directory))
        {
            return (null, $"`xcode-select -p` printed no developer directory: {Shorten(result.Stdout)}");
        }
        var xcrun = Path.Combine(directory, "usr", "bin", "xcrun");
        return FileSystemPaths.IsExecutableFile(xcrun)
            ? (directory, null)
            : (directory, $"xcrun: error: invalid active developer path ({directory}), missing xcrun at: {xcrun}");
    }

    /// <summary>The Go root a resolved <c>…/bin/go</c> belongs to, or null when it does not sit in a <c>bin</c> directory.</summary>
    public static string? RootOf(string resolvedGo)
    {
        var bin = Path.GetDirectoryName(resolvedGo);
        return bin is not null && Path.GetFileName(bin) == "bin" ? Path.GetDirectoryName(bin) : null;
    }

    internal static (IReadOnlyDictionary<string, string>? Env, string? Error) ParseEnv(ProcessResult result, TimeSpan timeout)
    {
        if (Failure("go env -json", result, timeout) is { } failure)
        {
            return (null, failure);
        }
        try
        {
            using var doc = JsonDocument.Parse(result.Stdout);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, $"`go env -json` printed JSON that is not an object: {Shorten(result.Stdout)}");
            }
            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                env[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? "" : property.Value.GetRawText();
            }
            return (env, null);
        }
        catch (JsonException)
        {
            return (null, $"`go env -json` printed something that is not JSON: {Shorten(result.Stdout)}");
        }
    }

    internal static (string? Version, string? Platform, string? Error) ParseVersion(ProcessResult result, TimeSpan timeout)
    {
        if (Failure("go version", result, timeout) is { } failure)
        {
            return (null, null, failure);
        }
        // "go version go1.22.5 darwin/arm64"
        var words = result.Stdout.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 3 && words[0] == "go" && words[1] == "version" && words[2].StartsWith("go", StringComparison.Ordinal))
        {
            return (words[2], words.Length >= 4 ? words[3] : null, null);
        }
        return (null, null, $"`go version` printed something unexpected: {Shorten(result.Stdout)}");
    }

    private static string? Failure(string what, ProcessResult result, TimeSpan timeout)
    {
        if (!result.Started)
        {
            return $"`{what}` could not be started: {result.StartError}";
        }
        if (result.TimedOut)
        {
            return $"`{what}` did not finish within {timeout.TotalSeconds:0.#} s and was killed.";
        }
        if (result.OutputCapped)
        {
            return $"`{what}` printed more than {new ProcessSpec("", []).MaxOutputChars / 1024 / 1024} MiB and was killed.";
        }
        if (result.ExitCode != 0)
        {
            return $"`{what}` exited with code {result.ExitCode}: {Shorten(result.Stderr.Length > 0 ? result.Stderr : result.Stdout)}";
        }
        return null;
    }

    private static string Shorten(string text)
    {
        var trimmed = text.Trim().ReplaceLineEndings(" ");
        return trimmed.Length == 0 ? "(nothing)" : trimmed.Length <= MaxShownOutput ? trimmed : trimmed[..MaxShownOutput] + "…";
    }
}
