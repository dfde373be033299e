using System.Collections.Concurrent;
using GoWatch.Daemon.Tests.Support;
using GoWatch.Daemon.Watching;
using GoWatch.Recording.Catalogue;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>Real FileSystemWatcher (inotify) events, turned into signals.</summary>
public sealed class DirectoryWatchersTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly DirectoryWatchers _watchers;
    private readonly BlockingCollection<WatchSignal> _signals = [];

    public DirectoryWatchersTests()
    {
        _watchers = new DirectoryWatchers(WatchCatalogue.Default(_tree.Settings), _tree.Settings, new ListLogger<DirectoryWatchers>());
        _watchers.Signals.Subscribe(_signals.Add);
        _watchers.Arm();
    }

    public void Dispose()
    {
        _watchers.Dispose();
        _tree.Dispose();
    }

    private T WaitFor<T>(Func<T, bool> match) where T : WatchSignal => _signals.WaitFor(match);

    [Fact]
    public void Writing_a_watched_file_signals_its_path()
    {
        File.WriteAllText(_tree.HomePath(".zshrc"), "x\n");

        WaitFor<WatchSignal.PathTouched>(s => s.Path == _tree.HomePath(".zshrc"));
    }

    [Fact]
    public void An_atomic_save_by_rename_signals_the_target_path()
    {
        var temp = _tree.HomePath(".zshrc.swp");
        File.WriteAllText(temp, "y\n");
        File.Move(temp, _tree.HomePath(".zshrc"));

        WaitFor<WatchSignal.PathTouched>(s => s.Path == _tree.HomePath(".zshrc"));
    }

    [Fact]
    public void Files_outside_the_catalogue_are_not_signalled()
    {
        File.WriteAllText(_tree.HomePath("unrelated.txt"), "z");
        File.WriteAllText(_tree.HomePath(".bashrc"), "marker");

        var first = WaitFor<WatchSignal.PathTouched>(_ => true);
        Assert.Equal(_tree.HomePath(".bashrc"), first.Path);
    }

    [Fact]
    public void A_directory_that_appears_on_the_way_to_a_watched_one_is_signalled_and_watched_after_rearming()
    {
        var fish = _tree.HomePath(".config/fish");
        Assert.DoesNotContain(fish, _watchers.WatchedDirectories);

        Directory.CreateDirectory(_tree.HomePath(".config"));
        WaitFor<WatchSignal.TopologyChanged>(s => s.Path == _tree.HomePath(".config"));
        _watchers.Arm();
        Directory.CreateDirectory(fish);
        WaitFor<WatchSignal.TopologyChanged>(s => s.Path == fish);
        _watchers.Arm();
        File.WriteAllText(Path.Combine(fish, "config.fish"), "set -gx GOPATH ~/go\n");

        Assert.Contains(fish, _watchers.WatchedDirectories);
        WaitFor<WatchSignal.PathTouched>(s => s.Path == Path.Combine(fish, "config.fish"));
    }
}
