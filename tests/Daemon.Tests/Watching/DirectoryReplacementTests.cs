using System.Collections.Concurrent;
using GoWatch.Daemon.Tests.Support;
using GoWatch.Daemon.Watching;
using GoWatch.Recording.Catalogue;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>
/// inotify watches a directory's inode, not its path: when the path is taken over by another
/// directory or a symlink, re-arming must watch what the path is now.
/// </summary>
public sealed class DirectoryReplacementTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly BlockingCollection<WatchSignal> _signals = [];
    private readonly DirectoryWatchers _watchers;

    public DirectoryReplacementTests()
    {
        Directory.CreateDirectory(ConfD);
        _watchers = new DirectoryWatchers(WatchCatalogue.Default(_tree.Settings), _tree.Settings, new ListLogger<DirectoryWatchers>());
        _watchers.Signals.Subscribe(_signals.Add);
        _watchers.Arm();
    }

    private string ConfD => _tree.HomePath(".config/fish/conf.d");

    public void Dispose()
    {
        _watchers.Dispose();
        _tree.Dispose();
    }

    private bool Saw(Func<WatchSignal, bool> match, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_signals.TryTake(out var s, TimeSpan.FromMilliseconds(50)) && match(s))
            {
                return true;
            }
        }
        return false;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_watched_directory_renamed_away_and_replaced_is_watched_again_after_the_rearm(bool bySymlink)
    {
        // Given conf.d watched, and another directory
        var elsewhere = _tree.HomePath("dotfiles");
        Directory.CreateDirectory(elsewhere);

        // When conf.d is renamed away and its path taken by a symlink to the other directory, or by a new directory
        Directory.Move(ConfD, ConfD + ".bak");
        if (bySymlink)
        {
            Directory.CreateSymbolicLink(ConfD, elsewhere);
        }
        else
        {
            Directory.CreateDirectory(ConfD);
        }
        Assert.True(Saw(s => s is WatchSignal.TopologyChanged t && t.Path == ConfD, TimeSpan.FromSeconds(5)), "no TopologyChanged for conf.d");
        // The daemon re-arms once the topology signals have settled (its rescan is debounced): so does this test.
        while (_signals.TryTake(out _, TimeSpan.FromMilliseconds(500)))
        {
        }
        _watchers.Arm();

        // Then a file written at the path is signalled, and one written in the old, renamed directory is not
        File.WriteAllText(Path.Combine(ConfD + ".bak", "old.fish"), "x\n");
        File.WriteAllText(Path.Combine(ConfD, "go.fish"), "set -gx GOPATH ~/go\n");
        Assert.True(Saw(s => s is WatchSignal.PathTouched p && p.Path == Path.Combine(ConfD, "go.fish"), TimeSpan.FromSeconds(5)), "the new conf.d is not watched");
        Assert.False(Saw(s => s is WatchSignal.PathTouched p && p.Path == Path.Combine(ConfD, "old.fish"), TimeSpan.FromMilliseconds(500)), "the renamed directory is still watched as conf.d");
    }
}
