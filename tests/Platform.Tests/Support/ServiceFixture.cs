using GoWatch.Platform.Service;

namespace GoWatch.Platform.Tests.Support;

/// <summary>A temp HOME, a shim directory and service options pointing at both (uid 501, no settle delay).</summary>
public sealed class ServiceFixture : IDisposable
{
    public const uint Uid = 501;

    private readonly TempDirectory _temp = new();

    public ServiceFixture()
    {
        Directory.CreateDirectory(Home);
        Options = new ServiceOptions
        {
            Home = Home,
            LogDir = Path.Combine(Home, "Library", "Logs", Hostile.DirectoryName),
            Daemon = DaemonLaunch.FromDll("/usr/local/share/dotnet/dotnet", "/Applications/Go Watch/gowatchd.dll"),
            Tools = Shims.Locator,
            UserId = () => Uid,
            BootoutSettleDelay = TimeSpan.Zero,
            CommandTimeout = TimeSpan.FromSeconds(10),
        };
    }

    public string Home => _temp.Combine("home dir");
    public ShimDirectory Shims { get; } = new();
    public ServiceOptions Options { get; set; }

    /// <summary>Every file under HOME, relative to it.</summary>
    public IReadOnlyList<string> FilesUnderHome() =>
        Directory.GetFiles(Home, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Home, f)).Order().ToList();

    public void Dispose()
    {
        Shims.Dispose();
        _temp.Dispose();
    }
}
