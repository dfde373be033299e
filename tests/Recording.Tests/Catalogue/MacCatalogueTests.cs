using GoWatch.Platform;
using GoWatch.Recording.Catalogue;
using GoWatch.Recording.Tests.Support;

namespace GoWatch.Recording.Tests.Catalogue;

/// <summary>Linux-only Go locations are left out of the catalogue under macOS rules, kept under Linux rules.</summary>
public sealed class MacCatalogueTests : IDisposable
{
    private readonly TempTree _tree = new();

    public MacCatalogueTests()
    {
        Directory.CreateDirectory(_tree.Settings.SystemPath("/usr/lib/go-1.19/bin"));
        Directory.CreateDirectory(_tree.Settings.SystemPath("/home/linuxbrew/.linuxbrew/Cellar/go"));
        Directory.CreateDirectory(_tree.Settings.SystemPath("/usr/local/go/bin"));
    }

    public void Dispose() => _tree.Dispose();

    private static IEnumerable<string> Everything(WatchCatalogue catalogue) =>
        catalogue.Installations.Concat(catalogue.RefreshDirectories).Concat(catalogue.Directories());

    [Fact]
    public void Under_macOS_rules_no_Linux_only_location_is_in_the_catalogue()
    {
        var catalogue = WatchCatalogue.Default(_tree.Settings with { Platform = PlatformKind.MacOS });

        var usrLib = _tree.Settings.SystemPath("/usr/lib");
        var linuxbrew = _tree.Settings.SystemPath("/home/linuxbrew");
        Assert.DoesNotContain(Everything(catalogue), p => p == usrLib || p.StartsWith(usrLib + "/", StringComparison.Ordinal));
        Assert.DoesNotContain(Everything(catalogue), p => p.StartsWith(linuxbrew, StringComparison.Ordinal));
        Assert.Contains(_tree.Settings.SystemPath("/usr/local/go"), catalogue.Installations);
    }

    [Fact]
    public void Under_Linux_rules_Debian_and_Linuxbrew_Go_stay_in_the_catalogue()
    {
        var catalogue = WatchCatalogue.Default(_tree.Settings with { Platform = PlatformKind.Linux });

        Assert.Contains(_tree.Settings.SystemPath("/usr/lib/go-1.19"), catalogue.Installations);
        Assert.Contains(_tree.Settings.SystemPath("/usr/lib"), catalogue.RefreshDirectories);
        Assert.Contains(catalogue.Installations, i => i.StartsWith(_tree.Settings.SystemPath("/home/linuxbrew"), StringComparison.Ordinal));
    }
}
