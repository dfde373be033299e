using GoWatch.Daemon.Tests.Support;
using GoWatch.Daemon.Watching;
using GoWatch.Platform;
using GoWatch.Recording.Catalogue;
using Xunit.Abstractions;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>The roots handed to FileSystemWatcher: FSEvents rules on a Mac-like tree, inotify rules on Linux.</summary>
public sealed class WatchRootsTests(ITestOutputHelper output) : IDisposable
{
    private readonly MacLikeTree _mac = new();

    public void Dispose() => _mac.Dispose();

    private IReadOnlyList<WatchRoot> MacRoots()
    {
        var roots = WatchRoots.Compute(WatchCatalogue.Default(_mac.Settings), _mac.Settings);
        foreach (var root in roots)
        {
            output.WriteLine($"{(root.Recursive ? "recursive" : "flat     ")} {root.Path[(_mac.Root.Length + 4)..]}");
        }
        return roots;
    }

    [Fact]
    public void On_macOS_no_root_holds_the_home_directory_or_a_system_directory()
    {
        var roots = MacRoots();

        var forbidden = new[] { "/", "/Users", "/usr", "/opt", "/private", "/Library" }.Select(_mac.Sys)
            .Append(Path.GetDirectoryName(_mac.Root)!)
            .Append(_mac.Root);
        foreach (var root in roots)
        {
            Assert.DoesNotContain(root.Path, forbidden);
            Assert.False(_mac.Home.StartsWith(root.Path + "/", StringComparison.Ordinal), $"{root.Path} holds the home directory");
        }
    }

    [Fact]
    public void On_macOS_no_root_is_a_Linux_only_location()
    {
        var roots = MacRoots();

        Assert.DoesNotContain(roots, r => r.Path.StartsWith(_mac.Sys("/usr/lib"), StringComparison.Ordinal));
        Assert.DoesNotContain(roots, r => r.Path.Contains("linuxbrew", StringComparison.Ordinal));
    }

    [Fact]
    public void On_macOS_roots_are_real_paths_as_deep_as_they_can_be()
    {
        var roots = MacRoots();

        var etc = Assert.Single(roots, r => r.CataloguePath == _mac.Sys("/etc"));
        Assert.Equal(_mac.Sys("/private/etc"), etc.Path);
        Assert.Contains(roots, r => r.Path == _mac.Sys("/usr/local/go") && r.Recursive);
        Assert.DoesNotContain(roots, r => r.Path == _mac.Sys("/usr/local"));
        Assert.DoesNotContain(roots, r => r.Path == _mac.Sys("/usr/local/go/bin"));
        Assert.DoesNotContain(roots, r => r.Path == _mac.HomePath("Library/Application Support"));
        Assert.DoesNotContain(roots, r => r.Path == _mac.HomePath("Library"));
    }

    [Fact]
    public void On_macOS_the_home_directory_is_one_flat_root()
    {
        var roots = MacRoots();

        var home = Assert.Single(roots, r => r.Path == _mac.Home);
        Assert.False(home.Recursive);
    }

    [Fact]
    public void On_macOS_every_catalogue_path_that_can_exist_now_is_covered_by_a_root()
    {
        var catalogue = WatchCatalogue.Default(_mac.Settings);
        var roots = MacRoots();

        foreach (var path in catalogue.CurrentPaths().Where(p => Directory.Exists(Path.GetDirectoryName(p))))
        {
            Assert.True(roots.Any(r => r.Covers(path)), $"nothing watches {path}");
        }
        foreach (var install in catalogue.Installations.Where(i => Directory.Exists(i) || File.Exists(i)))
        {
            Assert.True(roots.Any(r => r.Covers(install)), $"nothing watches the installation {install}");
        }
    }

    [Fact]
    public void On_macOS_a_symlinked_installation_is_watched_where_the_link_lives()
    {
        var roots = MacRoots();

        // opt/go is relinked by `brew upgrade`: the link's directory must be covered, not the Cellar it points into.
        Assert.Contains(roots, r => r.Covers(_mac.Sys("/opt/homebrew/opt/go")));
        Assert.DoesNotContain(roots, r => r.Path == _mac.Sys("/opt/homebrew/Cellar/go/1.23.0"));
    }

    [Fact]
    public void On_macOS_a_missing_installation_under_a_system_directory_puts_no_root_there()
    {
        Directory.Delete(_mac.Sys("/opt/homebrew"), recursive: true);

        var roots = MacRoots();

        Assert.DoesNotContain(roots, r => r.Path == _mac.Sys("/opt"));
        Assert.Contains(roots, r => r.Path == _mac.Sys("/usr/local/go"));
    }

    [Fact]
    public void On_Linux_every_directory_is_watched_flat_with_its_parent()
    {
        var linux = _mac.Settings with { Platform = PlatformKind.Linux };

        var roots = WatchRoots.Compute(WatchCatalogue.Default(linux), linux);

        Assert.All(roots, r => Assert.False(r.Recursive));
        Assert.Contains(roots, r => r.Path == _mac.Home);
        Assert.Contains(roots, r => r.Path == _mac.Sys("/Users"));
        Assert.Contains(roots, r => r.Path == _mac.Sys("/usr/local/go"));
        Assert.Contains(roots, r => r.Path == _mac.Sys("/usr/local"));
        Assert.Contains(roots, r => r.Path == _mac.Sys("/usr/lib"));
    }
}
