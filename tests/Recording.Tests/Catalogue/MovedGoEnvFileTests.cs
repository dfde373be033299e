using GoWatch.Events.Store.LiteDb;
using GoWatch.Recording.Catalogue;

namespace GoWatch.Recording.Tests.Catalogue;

/// <summary>The Go env file that counts is the one Go reads: a file moved with GOENV in the shell is watched too.</summary>
public sealed class MovedGoEnvFileTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly LiteDbEventStore _store;
    private readonly CatalogueSource _source;

    public MovedGoEnvFileTests()
    {
        Directory.CreateDirectory(_tree.Settings.DataDir);
        _store = LiteDbEventStore.Open(_tree.Settings.StorePath, _tree.Settings.LockPath);
        _source = new CatalogueSource(_tree.Settings, _store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _tree.Dispose();
    }

    [Fact]
    public void A_go_env_file_moved_by_the_shell_is_watched_and_revertible_beside_the_default_one()
    {
        var moved = _tree.HomePath("go/env");
        var raised = new List<string>();
        _source.GoEnvFileMoved += raised.Add;

        Assert.True(_source.UseGoEnvFile(moved));

        Assert.Equal([moved], raised);
        Assert.Equal(FileClass.GoEnv, _source.Current.Find(moved)?.FileClass);
        Assert.True(_source.Current.IsRevertible(moved));
        Assert.NotNull(_source.Current.Find(_tree.Settings.GoEnvFile));
    }

    [Fact]
    public void The_same_file_again_changes_nothing_and_the_default_again_drops_the_moved_one()
    {
        var moved = _tree.HomePath("go/env");
        _source.UseGoEnvFile(moved);
        var raised = new List<string>();
        _source.GoEnvFileMoved += raised.Add;

        Assert.False(_source.UseGoEnvFile(moved));
        Assert.Empty(raised);

        Assert.True(_source.UseGoEnvFile(_tree.Settings.GoEnvFile));
        Assert.Null(_source.Current.Find(moved));
        Assert.NotNull(_source.Current.Find(_tree.Settings.GoEnvFile));
    }

    [Fact]
    public void The_default_catalogue_watches_only_the_default_go_env_file()
    {
        var catalogue = WatchCatalogue.Default(_tree.Settings);

        Assert.Single(catalogue.Targets, t => t.FileClass == FileClass.GoEnv);
    }
}
