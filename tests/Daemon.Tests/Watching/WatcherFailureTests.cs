using GoWatch.Daemon.Tests.Support;
using GoWatch.Daemon.Watching;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>A watcher that raised Error (an inotify queue overflow) reads nothing more: re-arming must replace it.</summary>
public sealed class WatcherFailureTests : IDisposable
{
    private readonly TempTree _tree;
    private readonly ArmedWatchers<FailingWatcher> _armed;

    public WatcherFailureTests()
    {
        _tree = new();
        _armed = new(_tree.Settings, dir => new FailingWatcher(dir));
    }

    public void Dispose()
    {
        _armed.Dispose();
        _tree.Dispose();
    }

    private T WaitFor<T>(Func<T, bool> match) where T : WatchSignal => _armed.Signals.WaitFor(match);

    [Fact]
    public void A_watcher_whose_queue_overflowed_is_reported_as_an_overflow_and_replaced_by_a_working_one_on_rearm()
    {
        // Given the home directory watched
        var first = Assert.Single(_armed.Made, w => w.Path == _tree.Home);

        // When its queue overflows
        first.Overflow();

        // Then the failure names the overflow, and the dead watcher is let go
        var failed = WaitFor<WatchSignal.WatcherFailed>(s => s.Directory == _tree.Home);
        Assert.StartsWith("event queue overflowed: ", failed.Error, StringComparison.Ordinal);
        Assert.True(first.IsDisposed);
        Assert.DoesNotContain(_tree.Home, _armed.Watchers.WatchedDirectories);

        // And re-arming watches home with a new watcher that sees the next change
        _armed.Watchers.Arm();
        Assert.Contains(_tree.Home, _armed.Watchers.WatchedDirectories);
        Assert.Equal(2, _armed.Made.Count(w => w.Path == _tree.Home));
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
