using GoWatch.Platform.FileSystem;
using GoWatch.Platform.Service;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Service;

/// <summary>Paths written into the service file survive `brew upgrade`: opt/, never Cellar/VERSION.</summary>
public sealed class HomebrewPathsTests : IDisposable
{
    private readonly TempDirectory _prefix = new("-homebrew");

    public void Dispose() => _prefix.Dispose();

    /// <summary>A Homebrew dotnet: Cellar/dotnet/9.0.1/libexec/dotnet, opt/dotnet → ../Cellar/dotnet/9.0.1, bin/dotnet → ../Cellar/…/libexec/dotnet.</summary>
    private string InstallDotnet()
    {
        var host = _prefix.Combine("Cellar", "dotnet", "9.0.1", "libexec", "dotnet");
        Directory.CreateDirectory(Path.GetDirectoryName(host)!);
        File.WriteAllText(host, "");
        Directory.CreateDirectory(_prefix.Combine("opt"));
        File.CreateSymbolicLink(_prefix.Combine("opt", "dotnet"), "../Cellar/dotnet/9.0.1");
        Directory.CreateDirectory(_prefix.Combine("bin"));
        File.CreateSymbolicLink(_prefix.Combine("bin", "dotnet"), "../Cellar/dotnet/9.0.1/libexec/dotnet");
        return host;
    }

    [Fact]
    public void A_Cellar_path_becomes_the_opt_path_that_follows_upgrades()
    {
        var host = InstallDotnet();

        Assert.Equal(_prefix.Combine("opt", "dotnet", "libexec", "dotnet"), HomebrewPaths.Stable(host));
    }

    [Fact]
    public void The_dotnet_host_found_through_bin_and_resolved_into_the_Cellar_is_launched_through_opt()
    {
        InstallDotnet();
        var resolved = new FileInfo(_prefix.Combine("bin", "dotnet")).ResolveLinkTarget(returnFinalTarget: true)!.FullName;
        Assert.Contains("/Cellar/dotnet/9.0.1/", resolved);

        var launch = DaemonLaunch.FromDll(resolved, "/Users/me/.dotnet/tools/.store/gowatch/gowatchd.dll")
            .WithForwardedEnvironment(new Dictionary<string, string> { ["DOTNET_ROOT"] = _prefix.Combine("Cellar", "dotnet", "9.0.1", "libexec") });

        Assert.Equal(_prefix.Combine("opt", "dotnet", "libexec", "dotnet"), launch.ExecutablePath);
        Assert.Equal(_prefix.Combine("opt", "dotnet", "libexec"), launch.Environment["DOTNET_ROOT"]);
        Assert.DoesNotContain("/Cellar/", ServiceTemplates.RenderLaunchAgent(launch, "/Users/me/Library/Logs/GoWatch"));
    }

    [Fact]
    public void A_Cellar_path_without_an_opt_link_is_kept()
    {
        var host = _prefix.Combine("Cellar", "dotnet", "9.0.1", "libexec", "dotnet");

        Assert.Equal(host, HomebrewPaths.Stable(host, _ => false));
    }

    [Theory]
    [InlineData("/usr/local/share/dotnet/dotnet")]
    [InlineData("/opt/homebrew/opt/dotnet/libexec/dotnet")]
    [InlineData("/opt/homebrew/Cellar/")]
    public void Paths_outside_a_Cellar_version_are_left_alone(string path)
    {
        Assert.Equal(path, HomebrewPaths.Stable(path, _ => true));
    }
}
