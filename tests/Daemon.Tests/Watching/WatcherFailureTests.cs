using System.Collections.Concurrent;
using GoWatch.Daemon.Tests.Support;
using GoWatch.Daemon.Watching;
using GoWatch.Recording.Catalogue;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>A watcher that raised Error (an inotify queue overflow) reads nothing more: re-arming must replace it.</summary>
public sealed class WatcherFailureTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly BlockingCollection<WatchSignal> _signals = [];
    private readonly ConcurrentQueue<FailingWatcher> _made = new();
    private readonly DirectoryWatchers _watchers;

    public WatcherFailureTests()
    {
        _watchers = new DirectoryWatchers(() => WatchCatalogue.Default(_tree.Settings), _tree.Settings, new ListLogger<DirectoryWatchers>(), dir =>
        {
            var watcher = new FailingWatcher(dir);
            _made.Enqueue(watcher);
            return watcher;
        });
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
    public void A_watcher_whose_queue_overflowed_is_reported_as_an_overflow_and_replaced_by_a_working_one_on_rearm()
    {
        // Given the home directory watched
        var first = Assert.Single(_made, w => w.Path == _tree.Home);

        // When its queue overflows
        first.Overflow();

        // Then the failure names the overflow, and the dead watcher is let go
        var failed = WaitFor<WatchSignal.WatcherFailed>(s => s.Directory == _tree.Home);
        Assert.StartsWith("event queue overflowed: ", failed.Error, StringComparison.Ordinal);
        Assert.True(first.IsDisposed);
        Assert.DoesNotContain(_tree.Home, _watchers.WatchedDirectories);

        // And re-arming watches home with a new watcher that sees the next change
        _watchers.Arm();
        Assert.Contains(_tree.Home, _watchers.WatchedDirectories);
        Assert.Equal(2, _made.Count(w => w.Path == _tree.Home));
        File.WriteAllText(_tree.HomePath(".zshrc"), "export GOPATH=$HOME/go\n");
        WaitFor<WatchSignal.PathTouched>(s => s.Path == _tree.HomePath(".zshrc"));
    }

    private sealed class FailingWatcher(string dir) : FileSystemWatcher(dir)
    {
        public bool IsDisposed { get; private set; }

        /// <summary>What .NET 10 does on IN_Q_OVERFLOW for a non-recursive watcher: stop reading and raise Error.</summary>
        public void Overflow()
        {
            EnableRaisingEvents = false;
            OnError(new ErrorEventArgs(new InternalBufferOverflowException($"Too many changes at once in directory:{Path}.")));
        }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }
}
