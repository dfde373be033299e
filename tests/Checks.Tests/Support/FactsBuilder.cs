using GoWatch.Checks.Binary;
using GoWatch.Checks.Facts;
using GoWatch.Platform;

namespace GoWatch.Checks.Tests.Support;

/// <summary>
/// Builds <see cref="MachineFacts"/> by hand: no shell, no go, no disk. Starts from a healthy
/// Apple Silicon Mac whose zsh ran cleanly with the launchd PATH and no go on it.
/// </summary>
public sealed class FactsBuilder
{
    public const string Home = "/Users/u";
    public const string Zshrc = Home + "/.zshrc";
    public const string EnvFilePath = Home + "/Library/Application Support/go/env";

    private PlatformKind _platform = PlatformKind.MacOS;
    private string _arch = "arm64";
    private ShellFacts _shell = new()
    {
        ShellPath = "/bin/zsh",
        Kind = ShellKind.Zsh,
        Exists = true,
        ExitCode = 0,
        Timeout = TimeSpan.FromSeconds(10),
    };
    private Dictionary<string, string>? _env = new(StringComparer.Ordinal) { ["PATH"] = "/usr/bin:/bin:/usr/sbin:/sbin", ["HOME"] = Home };
    private readonly Dictionary<string, Evidence> _assignments = new(StringComparer.Ordinal);
    private readonly List<Evidence> _errors = [];
    private GoFacts? _go = new();
    private InstallationFacts _installations = InstallationFacts.Empty;
    private readonly List<GoEnvFileEntry> _envFile = [];
    private string? _envFileError;
    private GoLandFacts _goland = GoLandFacts.Empty;
    private readonly Dictionary<string, PathFact> _paths = new(StringComparer.Ordinal);
    private ToolFacts? _tools;
    private int _nextLine = 1;

    public static FactsBuilder Mac() => new();

    public static FactsBuilder IntelMac() => new() { _arch = "amd64" };

    public static FactsBuilder Linux() => new() { _platform = PlatformKind.Linux, _arch = "amd64" };

    public static BinaryHeader MachO(string arch) => new(BinaryFormat.MachO, [arch]);

    /// <summary>Sets a variable in the shell, assigned at the next line of ~/.zshrc (or <paramref name="line"/>).</summary>
    public FactsBuilder Export(string name, string value, int? line = null, string file = Zshrc)
    {
        Env()[name] = value;
        var at = line ?? _nextLine++;
        _assignments[name] = new Evidence(file, at, $"export {name}={value}");
        return this;
    }

    /// <summary>The shell's PATH, assigned in ~/.zshrc.</summary>
    public FactsBuilder PathIs(string value, int? line = null) => Export("PATH", value, line);

    /// <summary>Puts a directory in front of PATH.</summary>
    public FactsBuilder PrependPath(string dir) => PathIs(dir + ":" + Env()["PATH"]);

    /// <summary>The shell ran but printed no environment (e.g. it exited before the probe's command).</summary>
    public FactsBuilder NoShellEnvironment(int exitCode = 1)
    {
        _env = null;
        _go = null;
        _shell = _shell with { ExitCode = exitCode };
        return this;
    }

    /// <summary>The configured shell does not exist.</summary>
    public FactsBuilder ShellMissing(string path = "/nonexistent/zsh")
    {
        _env = null;
        _go = null;
        _shell = _shell with { ShellPath = path, Exists = false, ExitCode = null, StartError = $"The login shell {path} does not exist." };
        return this;
    }

    public FactsBuilder ShellExit(int code)
    {
        _shell = _shell with { ExitCode = code };
        return this;
    }

    public FactsBuilder ShellTimedOut()
    {
        _shell = _shell with { ExitCode = null, TimedOut = true };
        return this;
    }

    public FactsBuilder ShellKindIs(ShellKind kind, string path)
    {
        _shell = _shell with { Kind = kind, ShellPath = path };
        return this;
    }

    /// <summary>An error the shell printed while reading a startup file.</summary>
    public FactsBuilder ShellError(string text, int? line = null, string? file = Zshrc)
    {
        _errors.Add(file is null ? Evidence.Note(text) : new Evidence(file, line, text));
        return this;
    }

    /// <summary>
    /// A go at <paramref name="root"/>/bin/go, first on PATH, built for <paramref name="arch"/> (the host's by default),
    /// answering <c>go env</c> with its root and $HOME/go as GOPATH; $HOME/go/bin is put on PATH too.
    /// </summary>
    public FactsBuilder WithGo(string root = "/usr/local/go", string? arch = null, string version = "go1.22.5", bool onPath = true)
    {
        arch ??= _arch;
        var go = Path.Combine(root, "bin", "go");
        if (onPath)
        {
            PathIs($"{root}/bin:{Env()["PATH"]}:{Home}/go/bin");
        }
        _go = new GoFacts
        {
            Path = go,
            ResolvedPath = go,
            Root = root,
            Header = MachO(arch),
            Version = version,
            VersionPlatform = $"darwin/{arch}",
            Env = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["GOROOT"] = root,
                ["GOHOSTARCH"] = arch,
                ["GOARCH"] = arch,
                ["GOPATH"] = Home + "/go",
                ["GOVERSION"] = version,
                ["CGO_ENABLED"] = "0",
                ["CC"] = "clang",
            },
            RootVersionFile = version,
        };
        Installation(root, arch, version, active: true);
        return Dir(root).Dir(Path.Combine(root, "bin")).Executable(go, arch).Dir(Home + "/go");
    }

    /// <summary>The first go on PATH is <paramref name="path"/> (e.g. a link), really at <paramref name="realPath"/>.</summary>
    public FactsBuilder FirstGoIs(string path, string realPath)
    {
        var go = _go ?? throw new InvalidOperationException("call WithGo first");
        _go = go with { Path = path, ResolvedPath = realPath };
        var arch = go.Header.Architectures.FirstOrDefault() ?? _arch;
        return Executable(path, arch, realPath);
    }

    /// <summary>The shell has a PATH but no go on it.</summary>
    public FactsBuilder NoGo()
    {
        _go = new GoFacts();
        return this;
    }

    /// <summary>A go whose <c>go env</c> and <c>go version</c> failed.</summary>
    public FactsBuilder GoBroken(string error = "`go env -json` did not finish within 10 s and was killed.")
    {
        _go = (_go ?? new GoFacts()) with { Env = null, EnvError = error, Version = null, VersionError = error };
        return this;
    }

    /// <summary>Sets a value of <c>go env</c>.</summary>
    public FactsBuilder GoEnv(string name, string value)
    {
        var go = _go ?? throw new InvalidOperationException("call WithGo first");
        var env = new Dictionary<string, string>(go.Env ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [name] = value };
        _go = go with { Env = env };
        return this;
    }

    public FactsBuilder Compiler(string? path, BinaryHeader? header = null)
    {
        var go = _go ?? throw new InvalidOperationException("call WithGo first");
        _go = go with { CompilerPath = path, CompilerHeader = header ?? BinaryHeader.Unknown };
        return this;
    }

    /// <summary>A line of Go's env file.</summary>
    public FactsBuilder EnvFile(string name, string value)
    {
        _envFile.Add(new GoEnvFileEntry(name, value, _envFile.Count + 1, $"{name}={value}"));
        return this;
    }

    public FactsBuilder EnvFileUnreadable(string error = "Permission denied")
    {
        _envFileError = error;
        return this;
    }

    /// <summary>A Go installation found on disk (its root directory is added to the path facts).</summary>
    public FactsBuilder Installation(string root, string arch, string version = "go1.22.5", bool active = false, bool wellKnown = true, bool onPath = false)
    {
        var installation = new GoInstallation
        {
            Root = root,
            SeenAt = [root],
            GoBinary = Path.Combine(root, "bin", "go"),
            Version = version,
            Header = MachO(arch),
            WellKnown = wellKnown,
            OnPath = onPath || active,
            IsActive = active,
        };
        _installations = _installations with { Installations = [.. _installations.Installations.Where(i => i.Root != root), installation] };
        return Dir(root).Dir(Path.Combine(root, "bin"));
    }

    public FactsBuilder IntelHomebrew()
    {
        _installations = _installations with { IntelHomebrewPresent = true, IntelHomebrewPath = "/usr/local/Homebrew" };
        return this;
    }

    public FactsBuilder DanglingLink(string path, string target, bool onPath = true)
    {
        _installations = _installations with { DanglingSymlinks = [.. _installations.DanglingSymlinks, new DanglingSymlink(path, target, onPath)] };
        return this;
    }

    /// <summary>GoLand is installed (its config directory exists).</summary>
    public FactsBuilder GoLand()
    {
        _goland = _goland with { ConfigDirectory = Home + "/Library/Application Support/JetBrains/GoLand2024.1" };
        return this;
    }

    public FactsBuilder GoLandSdk(string home)
    {
        GoLand();
        _goland = _goland with { Sdks = [.. _goland.Sdks, new GoLandSdk(home, new Evidence(_goland.ConfigDirectory + "/options/go.sdk.xml", 4, $"<option name=\"homeUrl\" value=\"file://{home}\" />"))] };
        return this;
    }

    /// <summary>A watched project: its GOROOT, modules integration and go.mod's go line.</summary>
    public FactsBuilder Project(string name, string? goroot = null, bool? modules = null, string? goModVersion = null, string? toolchain = null,
        IReadOnlyDictionary<string, string>? environment = null, bool ideaSettings = true)
    {
        var dir = $"{Home}/GolandProjects/{name}";
        var workspace = dir + "/.idea/workspace.xml";
        var project = new GoLandProject
        {
            Directory = dir,
            WorkspaceFile = ideaSettings ? workspace : null,
            Goroot = goroot,
            GorootEvidence = goroot is null ? null : new Evidence(workspace, 3, $"<component name=\"GOROOT\" url=\"file://{goroot}\" />"),
            ModulesIntegration = modules,
            ModulesEvidence = modules is null ? null : new Evidence(workspace, 5, $"<integration-enabled>{modules.Value.ToString().ToLowerInvariant()}</integration-enabled>"),
            Environment = (environment ?? new Dictionary<string, string>()).ToDictionary(
                kv => kv.Key, kv => (kv.Value, new Evidence(workspace, 6, $"<entry key=\"{kv.Key}\" value=\"{kv.Value}\" />"))),
            GoMod = goModVersion is null ? null : new GoModFacts(dir + "/go.mod", goModVersion, new Evidence(dir + "/go.mod", 3, $"go {goModVersion}"),
                toolchain, toolchain is null ? null : new Evidence(dir + "/go.mod", 4, $"toolchain {toolchain}")),
        };
        _goland = _goland with { Projects = [.. _goland.Projects, project] };
        return this;
    }

    public FactsBuilder GoLandProblem(string file, int line, string reason)
    {
        GoLand();
        _goland = _goland with { Problems = [.. _goland.Problems, new Evidence(file, line, reason)] };
        return this;
    }

    /// <summary>Tools in <paramref name="directory"/> (GOBIN or GOPATH/bin), as the tool scanner reports them.</summary>
    public FactsBuilder Tools(string directory, params ToolBinary[] binaries)
    {
        _tools = new ToolFacts { Directories = [.. _tools?.Directories ?? [], directory], Binaries = [.. _tools?.Binaries ?? [], .. binaries] };
        return this;
    }

    /// <summary>The tool scanner found no GOBIN or GOPATH/bin directory.</summary>
    public FactsBuilder NoToolDirectories()
    {
        _tools = new ToolFacts();
        return this;
    }

    public FactsBuilder Dir(string path, string? realPath = null) => Fact(new PathFact(path, PathKind.Directory, realPath ?? path));

    public FactsBuilder Executable(string path, string arch, string? realPath = null) =>
        Fact(new PathFact(path, PathKind.File, realPath ?? path, true, MachO(arch)));

    /// <summary>
    /// <paramref name="path"/> (a directory, or a file when <paramref name="file"/>) is the same
    /// place as <paramref name="sameAs"/> on a case-insensitive disk: different text, one device and inode.
    /// </summary>
    public FactsBuilder SamePlaceOnDisk(string path, string sameAs, long inode, bool file = false)
    {
        var identity = new FileIdentity(16777232, inode);
        var kind = file ? PathKind.File : PathKind.Directory;
        Fact((_paths.GetValueOrDefault(PathFacts.Normalize(sameAs)) ?? new PathFact(sameAs, kind, sameAs)) with { Identity = identity });
        return Fact(new PathFact(path, kind, path, file, file ? MachO(_arch) : null, identity));
    }

    public FactsBuilder Missing(string path) => Fact(new PathFact(path, PathKind.Missing, path));

    /// <summary>Forgets what the probe said about a path, as if nobody had looked.</summary>
    public FactsBuilder Unprobed(string path)
    {
        _paths.Remove(PathFacts.Normalize(path));
        return this;
    }

    public FactsBuilder Fact(PathFact fact)
    {
        _paths[PathFacts.Normalize(fact.Path)] = fact;
        return this;
    }

    public MachineFacts Build() => new()
    {
        Host = new HostFacts(_platform, _arch, _shell.ShellPath, Home),
        Shell = _shell with
        {
            Environment = _env is null ? null : new Dictionary<string, string>(_env, StringComparer.Ordinal),
            Assignments = new Dictionary<string, Evidence>(_assignments, StringComparer.Ordinal),
            Errors = [.. _errors],
        },
        Go = _go,
        Installations = _installations,
        GoEnvFile = new GoEnvFileFacts { Path = EnvFilePath, Exists = _envFile.Count > 0, Entries = [.. _envFile], Error = _envFileError },
        GoLand = _goland,
        Paths = new PathFacts(_paths.Values),
        Tools = _tools,
    };

    private Dictionary<string, string> Env() => _env ?? throw new InvalidOperationException("the shell printed no environment");
}
