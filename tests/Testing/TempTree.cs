using GoWatch.Platform;
using GoWatch.Platform.Locations;

namespace GoWatch.Testing;

/// <summary>A temp HOME, data dir and system root, with settings pointing at them.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Directory.CreateTempSubdirectory("gowatch-test-").FullName;
        Directory.CreateDirectory(Home);
        Settings = new GoWatchSettings
        {
            Platform = PlatformKind.Linux,
            HostArch = "amd64",
            Home = Home,
            DataDir = Path.Combine(Root, "data"),
            LogDir = Path.Combine(Root, "data", "logs"),
            ConfigFile = Path.Combine(Root, "config.json"),
            SystemRoot = Path.Combine(Root, "sys"),
            JetBrainsConfigRoot = Path.Combine(Home, ".config", "JetBrains"),
            GoEnvFile = Path.Combine(Home, ".config", "go", "env"),
        };
    }

    public string Root { get; }
    public string Home => Path.Combine(Root, "home");
    public GoWatchSettings Settings { get; }

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
