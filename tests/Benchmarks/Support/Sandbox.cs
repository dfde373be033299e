using System.Diagnostics;
using GoWatch.Events.Store;

namespace GoWatch.Benchmarks.Support;

/// <summary>
/// A temp HOME, data dir and system root, and the real gowatchd / gowatch running against them
/// with nothing but environment variables pointing there (as the end-to-end tests do).
/// </summary>
public sealed class Sandbox : IDisposable
{
    private readonly Apps _apps;
    private readonly IReadOnlyDictionary<string, string> _daemonEnvironment;
    private readonly List<DaemonProcess> _daemons = [];

    public Sandbox(BenchContext context, string name)
    {
        _apps = context.Apps;
        _daemonEnvironment = context.Options.DaemonEnvironment;
        Root = Directory.CreateTempSubdirectory($"gowatch-bench-{name}-").FullName;
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(SystemRoot);
        Environment = new Dictionary<string, string>
        {
            ["HOME"] = Home,
            ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            ["SHELL"] = "/bin/bash",
            ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
            ["XDG_STATE_HOME"] = Path.Combine(Home, ".local", "state"),
            ["GOWATCH_DATA_DIR"] = DataDir,
            ["GOWATCH_SYSTEM_ROOT"] = SystemRoot,
            ["GOWATCH_PLATFORM"] = "linux",
            ["GOWATCH_ALLOW_ROOT"] = "1",
            ["NO_COLOR"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var variable in new[] { "DOTNET_ROOT", "LANG" })
        {
            if (System.Environment.GetEnvironmentVariable(variable) is { } value)
            {
                Environment[variable] = value;
            }
        }
    }

    public string Root { get; }
    public string Home => Path.Combine(Root, "home");
    public string DataDir => Path.Combine(Root, "data");
    public string SystemRoot => Path.Combine(Root, "sys");
    public string SocketPath => Path.Combine(DataDir, "gowatchd.sock");
    public string StorePath => Path.Combine(DataDir, "events.db");
    public string LockPath => Path.Combine(DataDir, "gowatch.lock");
    public Dictionary<string, string> Environment { get; }

    public Launcher DefaultCli => Launcher.Dotnet("dotnet gowatch.dll (Release build output)", _apps.Cli);

    public string HomePath(string relative) => Path.Combine(Home, relative);

    public string WriteHome(string relative, string content)
    {
        var path = HomePath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteSystem(string absolute, string content)
    {
        var path = Path.Combine(SystemRoot, absolute.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A typical developer's shell setup: zsh, bash and fish startup files and a system /etc/profile.</summary>
    public void WriteTypicalSetup()
    {
        WriteHome(".zshrc", RcFiles.Zshrc);
        WriteHome(".zprofile", "eval \"$(/opt/homebrew/bin/brew shellenv)\" 2>/dev/null || true\n");
        WriteHome(".bashrc", RcFiles.Bashrc);
        WriteHome(".profile", "[ -f \"$HOME/.bashrc\" ] && . \"$HOME/.bashrc\"\nexport PATH=\"$HOME/.local/bin:$PATH\"\n");
        WriteHome(".config/fish/config.fish", "fish_add_path /usr/local/go/bin\nset -gx GOPATH $HOME/go\n");
        WriteHome(".config/fish/conf.d/go.fish", "fish_add_path $GOPATH/bin\n");
        WriteSystem("/etc/profile", "PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"\nexport PATH\n");
        WriteSystem("/etc/zshrc", "# system-wide zshrc\n");
        WriteSystem("/etc/paths", "/usr/local/bin\n/usr/bin\n/bin\n/usr/sbin\n/sbin\n");
    }

    /// <summary>Starts gowatchd (the build output, or as <paramref name="launcher"/> says) and waits until its socket answers and the start-up reconciliation is done.</summary>
    public DaemonProcess StartDaemon(Launcher? launcher = null, TimeSpan? within = null)
    {
        var psi = (launcher ?? Launcher.Dotnet("gowatchd", _apps.Daemon, _daemonEnvironment)).StartInfo([], Environment, Home);
        var daemon = DaemonProcess.StartReady(psi, SocketPath, within ?? TimeSpan.FromSeconds(60));
        _daemons.Add(daemon);
        return daemon;
    }

    public SocketClient Socket => new(SocketPath);

    public ProcessRun Cli(params string[] args) => Cli(DefaultCli, args);

    public ProcessRun Cli(Launcher launcher, params string[] args) =>
        ProcessRun.Run(launcher.StartInfo(args, Environment, Home), TimeSpan.FromSeconds(120));

    public void Dispose()
    {
        foreach (var daemon in _daemons)
        {
            daemon.Dispose();
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
