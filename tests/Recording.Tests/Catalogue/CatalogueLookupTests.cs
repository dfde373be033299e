using GoWatch.Recording.Catalogue;

namespace GoWatch.Recording.Tests.Catalogue;

/// <summary>What the watchers ask of the catalogue for every event: which target, which installation, whether it must be rebuilt.</summary>
public sealed class CatalogueLookupTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly WatchCatalogue _catalogue;
    private readonly string _goRoot;

    public CatalogueLookupTests()
    {
        _goRoot = _tree.Settings.SystemPath("/usr/local/go");
        _catalogue = WatchCatalogue.Default(_tree.Settings);
    }

    public void Dispose() => _tree.Dispose();

    private string ConfD(string name) => _tree.HomePath(Path.Combine(".config", "fish", "conf.d", name));

    [Fact]
    public void A_named_file_finds_its_target_and_a_sibling_does_not()
    {
        Assert.Equal(".zshrc", _catalogue.Find(_tree.HomePath(".zshrc"))?.FileName);
        Assert.Null(_catalogue.Find(_tree.HomePath(".zshrc.swp")));
        Assert.Null(_catalogue.Find(_tree.HomePath(".zsh")));
        Assert.Null(_catalogue.Find(_tree.HomePath(Path.Combine("sub", ".zshrc"))));
    }

    [Fact]
    public void A_file_matching_a_glob_finds_the_glob_and_one_beside_the_pattern_does_not()
    {
        Assert.Equal("*.fish", _catalogue.Find(ConfD("bench-07.fish"))?.Pattern);
        Assert.Null(_catalogue.Find(ConfD("bench-07.fish.bak")));
        Assert.Null(_catalogue.Find(ConfD(Path.Combine("deeper", "x.fish"))));
    }

    [Fact]
    public void Doubled_separators_in_a_path_are_read_as_one()
    {
        Assert.Equal(".zshrc", _catalogue.Find(_tree.Home + "//.zshrc")?.FileName);
        Assert.Equal(_goRoot, _catalogue.FindInstallation(_goRoot + "//bin//go"));
        Assert.True(_catalogue.AffectsCatalogue(_tree.HomePath("sdk") + "//go1.22.0"));
    }

    [Fact]
    public void An_installation_is_found_from_itself_an_entry_in_it_and_an_entry_in_its_bin()
    {
        Assert.Equal(_goRoot, _catalogue.FindInstallation(_goRoot));
        Assert.Equal(_goRoot, _catalogue.FindInstallation(Path.Combine(_goRoot, "VERSION")));
        Assert.Equal(_goRoot, _catalogue.FindInstallation(Path.Combine(_goRoot, "bin", "go")));
        Assert.Null(_catalogue.FindInstallation(Path.Combine(_goRoot, "src", "fmt")));
        Assert.Null(_catalogue.FindInstallation(_goRoot + "-old"));
    }

    [Fact]
    public void An_entry_in_a_refresh_directory_or_a_file_that_rebuilds_affects_the_catalogue_and_a_plain_file_does_not()
    {
        Assert.True(_catalogue.AffectsCatalogue(Path.Combine(_tree.HomePath("sdk"), "go1.22.0")));
        Assert.False(_catalogue.AffectsCatalogue(_tree.HomePath(".zshrc")));
        Assert.False(_catalogue.AffectsCatalogue("/"));
    }

    [Fact]
    public void Looking_paths_up_allocates_nothing()
    {
        // Every event of a burst of writes asks all three; garbage per event was most of a burst's memory.
        string[] paths = [ConfD("bench-01.fish"), _tree.HomePath(".zshrc"), _tree.HomePath("unrelated.txt"), Path.Combine(_goRoot, "bin", "go")];
        foreach (var path in paths)
        {
            Lookup(path);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            Lookup(paths[i % paths.Length]);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private void Lookup(string path)
    {
        _catalogue.Find(path);
        _catalogue.FindInstallation(path);
        _catalogue.AffectsCatalogue(path);
    }
}
