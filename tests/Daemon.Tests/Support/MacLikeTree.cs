using GoWatch.Platform;
using GoWatch.Platform.Locations;

namespace GoWatch.Daemon.Tests.Support;

/// <summary>
/// A Mac's layout under a temp system root: <c>/etc</c> a symlink to <c>/private/etc</c>, the
/// official Go in <c>/usr/local/go</c>, Homebrew in <c>/opt/homebrew</c> with <c>opt/go</c>
/// linked into its Cellar, the user's home in <c>/Users/me</c> with GoLand and Go's env file
/// under <c>~/Library/Application Support</c>.
/// </summary>
public sealed class MacLikeTree : IDisposable
{
    public MacLikeTree()
    {
        Root = Directory.CreateTempSubdirectory("gowatch-mac-").FullName;
        Directory.CreateDirectory(Sys("/private/etc/paths.d"));
        File.WriteAllText(Sys("/private/etc/paths"), "/usr/local/bin\n/usr/bin\n/bin\n");
        File.CreateSymbolicLink(Sys("/etc"), "private/etc");
        Directory.CreateDirectory(Sys("/usr/local/go/bin"));
        File.WriteAllText(Sys("/usr/local/go/VERSION"), "go1.22.5\n");
        Directory.CreateDirectory(Sys("/usr/local/bin"));
        Directory.CreateDirectory(Sys("/usr/lib"));
        Directory.CreateDirectory(Sys("/usr/bin"));
        Directory.CreateDirectory(Sys("/opt/homebrew/bin"));
        Directory.CreateDirectory(Sys("/opt/homebrew/Cellar/go/1.23.0/libexec/bin"));
        Directory.CreateDirectory(Sys("/opt/homebrew/opt"));
        File.CreateSymbolicLink(Sys("/opt/homebrew/opt/go"), "../Cellar/go/1.23.0");
        Directory.CreateDirectory(Sys("/Library/Developer"));
        Directory.CreateDirectory(HomePath("Library/Application Support/JetBrains/GoLand2024.1/options"));
        Directory.CreateDirectory(HomePath("Library/Application Support/go"));
        Directory.CreateDirectory(HomePath("Library/Caches"));
        Directory.CreateDirectory(HomePath(".config/fish/conf.d"));
        Directory.CreateDirectory(HomePath("go/pkg/mod"));
        File.WriteAllText(HomePath(".zshrc"), "export PATH=/usr/local/go/bin:$PATH\n");

        Settings = new GoWatchSettings
        {
            Platform = PlatformKind.MacOS,
            HostArch = "arm64",
            Home = Home,
            DataDir = HomePath("Library/Application Support/GoWatch"),
            LogDir = HomePath("Library/Logs/GoWatch"),
            ConfigFile = HomePath(".config/gowatch/config.json"),
            SystemRoot = Path.Combine(Root, "sys"),
            JetBrainsConfigRoot = HomePath("Library/Application Support/JetBrains"),
            GoEnvFile = HomePath("Library/Application Support/go/env"),
        };
    }

    public string Root { get; }
    public string Home => Sys("/Users/me");
    public GoWatchSettings Settings { get; }

    /// <summary>A Mac path such as <c>/usr/local/go</c> in this tree.</summary>
    public string Sys(string absolute) => Path.Combine(Root, "sys", absolute.TrimStart('/'));

    public string HomePath(string relative) => Path.Combine(Home, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
