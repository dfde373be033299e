using System.Buffers.Binary;
using GoWatch.Checks.Facts;
using GoWatch.Platform;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Tests.Support;

/// <summary>
/// A throw-away machine: a temp HOME with real rc files, a Mac-like tree under a temp system
/// root, fake <c>go</c> scripts and GoLand XML. Verification runs the real shells and probes.
/// </summary>
public sealed class Scenario : IDisposable
{
    public const uint MachArm64 = 0x0100000C;
    public const uint MachX8664 = 0x01000007;

    private Scenario(string root, string homeName)
    {
        Root = root;
        Home = Path.Combine(root, homeName);
        SystemRoot = Path.Combine(root, "sys");
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(SystemRoot);
    }

    public string Root { get; }
    public string Home { get; }
    public string SystemRoot { get; }
    public string Shell { get; private set; } = "/usr/bin/zsh";
    public PlatformKind Platform { get; private set; } = PlatformKind.MacOS;
    public string HostArch { get; private set; } = "arm64";
    public bool UseRealSystem { get; private set; }
    public TimeSpan ShellTimeout { get; private set; } = TimeSpan.FromSeconds(10);
    public TimeSpan GoTimeout { get; private set; } = TimeSpan.FromSeconds(10);
    public List<string> ProjectDirs { get; } = [];

    /// <summary>A Mac-like machine (Apple Silicon, zsh) with an empty system tree.</summary>
    public static Scenario Mac(string homeName = "home") =>
        new(Path.Combine(Path.GetTempPath(), "gowatch-checks-" + Guid.NewGuid().ToString("N")[..12]), homeName);

    /// <summary>This Debian machine as it is: real /usr, real Go, detected CPU.</summary>
    public static Scenario ThisLinuxMachine()
    {
        var s = Mac();
        s.Platform = PlatformKind.Linux;
        s.HostArch = HostArchitecture.Detect(PlatformKind.Linux);
        s.UseRealSystem = true;
        return s;
    }

    public string Sys(string absolute) => Path.Combine(SystemRoot, absolute.TrimStart('/'));

    public Scenario WithShell(string shell) { Shell = shell; return this; }
    public Scenario WithHostArch(string arch) { HostArch = arch; return this; }
    public Scenario WithPlatform(PlatformKind platform) { Platform = platform; return this; }
    public Scenario WithShellTimeout(TimeSpan t) { ShellTimeout = t; return this; }
    public Scenario WithGoTimeout(TimeSpan t) { GoTimeout = t; return this; }

    /// <summary>Writes a file under HOME and returns its absolute path.</summary>
    public string HomeFile(string relative, string text)
    {
        var path = Path.Combine(Home, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Zshrc(params string[] lines) => HomeFile(".zshrc", string.Join("\n", lines) + "\n");

    public string GoEnvFile(params string[] lines) => HomeFile(".config/go/env", string.Join("\n", lines) + "\n");

    /// <summary>Writes any file (absolute path) and returns it.</summary>
    public static string WriteFile(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Single-quotes text for a POSIX shell script written by the test.</summary>
    public static string Sh(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// A Go root at <paramref name="root"/> whose bin/go is a shell script answering
    /// <c>env -json</c> and <c>version</c> like a Mac Go would.
    /// </summary>
    public string FakeGo(string root, FakeGo go)
    {
        var env = new Dictionary<string, string>
        {
            ["GOROOT"] = go.Goroot ?? root,
            ["GOHOSTARCH"] = go.HostArch,
            ["GOARCH"] = go.HostArch,
            ["GOOS"] = "darwin",
            ["GOHOSTOS"] = "darwin",
            ["GOPATH"] = go.Gopath ?? Path.Combine(Home, "go"),
            ["GOVERSION"] = go.Version,
            ["CGO_ENABLED"] = go.CgoEnabled ? "1" : "0",
            ["CC"] = go.Cc,
        };
        foreach (var (k, v) in go.Extra)
        {
            env[k] = v;
        }
        var json = System.Text.Json.JsonSerializer.Serialize(env);
        var envAnswer = go.Behaviour switch
        {
            FakeGoBehaviour.Hang => "exec /bin/sleep 30",
            FakeGoBehaviour.Garbage => "printf '%s\\n' 'panic: runtime error {{{ not json'; exit 0",
            _ => $"printf '%s\\n' {Sh(json)}; exit 0",
        };
        var script = $"""
            #!/bin/sh
            {(go.ArgsLog is null ? "" : $"echo \"$*\" >> {Sh(go.ArgsLog)}")}
            if [ "$1" = env ]; then {envAnswer}; fi
            if [ "$1" = version ]; then printf '%s\n' {Sh($"go version {go.Version} darwin/{go.HostArch}")}; exit 0; fi
            exit 2

            """;
        var bin = Path.Combine(root, "bin", "go");
        Executables.Write(bin, script);
        WriteFile(Path.Combine(root, "VERSION"), go.Version + "\ntime 2024-01-01T00:00:00Z\n");
        return bin;
    }

    /// <summary>A Go root whose bin/go is a crafted thin Mach-O for <paramref name="cpuType"/> (never executed).</summary>
    public string MachOGo(string root, uint cpuType, string version = "go1.21.0")
    {
        var bytes = new byte[64];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 0xFEEDFACF);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), cpuType);
        var bin = Path.Combine(root, "bin", "go");
        Directory.CreateDirectory(Path.GetDirectoryName(bin)!);
        File.WriteAllBytes(bin, bytes);
        File.SetUnixFileMode(bin, (UnixFileMode)0b111_101_101);
        WriteFile(Path.Combine(root, "VERSION"), version + "\n");
        return bin;
    }

    /// <summary>A GoLand project with optional workspace.xml content and go.mod.</summary>
    public string Project(string name, string? workspaceXml, string? goMod)
    {
        var dir = Path.Combine(Home, "GolandProjects", name);
        Directory.CreateDirectory(dir);
        if (workspaceXml is not null)
        {
            WriteFile(Path.Combine(dir, ".idea", "workspace.xml"), workspaceXml);
        }
        if (goMod is not null)
        {
            WriteFile(Path.Combine(dir, "go.mod"), goMod);
        }
        return dir;
    }

    public static string Workspace(string? gorootUrl = null, bool? modules = null, string? go111module = null) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <project version="4">
          {(gorootUrl is null ? "" : $"<component name=\"GOROOT\" url=\"{System.Security.SecurityElement.Escape(gorootUrl)}\" />")}
          <component name="VgoProject">
            {(modules is null ? "" : $"<integration-enabled>{modules.Value.ToString().ToLowerInvariant()}</integration-enabled>")}
            {(go111module is null ? "" : $"<environment><map><entry key=\"GO111MODULE\" value=\"{go111module}\" /></map></environment>")}
          </component>
        </project>
        """;

    public string GoLandOptions(string file, string xml) =>
        WriteFile(Path.Combine(Home, ".config", "JetBrains", "GoLand2024.1", "options", file), xml);

    public GoWatchSettings Settings() => new()
    {
        Platform = Platform,
        HostArch = HostArch,
        Home = Home,
        DataDir = Path.Combine(Root, "data"),
        LogDir = Path.Combine(Root, "logs"),
        ConfigFile = Path.Combine(Root, "config.json"),
        SystemRoot = UseRealSystem ? "/" : SystemRoot,
        JetBrainsConfigRoot = Path.Combine(Home, ".config", "JetBrains"),
        GoEnvFile = Path.Combine(Home, ".config", "go", "env"),
        Shell = Shell,
    };

    public VerificationRequest Request(params string[] ids) => new()
    {
        CheckIds = ids.Length == 0 ? null : ids,
        ProjectDirectories = ProjectDirs,
        ShellTimeout = ShellTimeout,
        GoTimeout = GoTimeout,
    };

    public Task<VerificationReport> VerifyAsync(params string[] ids) => new Verifier().RunAsync(Settings(), Request(ids), CancellationToken.None);

    public Task<MachineFacts> FactsAsync() => new GoWatch.Checks.Probes.FactsCollector().CollectAsync(Settings(), Request(), CancellationToken.None);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
