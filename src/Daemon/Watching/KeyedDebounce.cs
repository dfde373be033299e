using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace GoWatch.Daemon.Watching;

/// <summary>
/// Debounce per key: a value is passed on <c>debounce</c> after the last value with its key, and
/// only that last value (what <c>GroupBy(key).SelectMany(g =&gt; g.Throttle(debounce))</c> does).
/// Rx's <c>Throttle</c> starts a new scheduler timer for every value, so a burst of writes to a
/// file made a timer per write, each living until the next write (tests/Benchmarks/ANALYSIS.md,
/// P2 / P3). Here a touch only moves its key's due time in a table, and one scheduler timer, set
/// for the earliest due time, runs at a time: a touch allocates nothing, a burst sets about one
/// timer per debounce interval and per settled batch, and everything due together is passed on
/// from one thread.
/// </summary>
public static class KeyedDebounce
{
    public static IObservable<T> Create<T>(IObservable<T> source, Func<T, string> keyOf, TimeSpan debounce, IScheduler scheduler) =>
        Observable.Create<T>(observer =>
        {
            var sink = new Sink<T>(observer, keyOf, debounce, scheduler);
            sink.Upstream = source.Subscribe(sink);
            return sink;
        });

    private sealed class Sink<T>(IObserver<T> observer, Func<T, string> keyOf, TimeSpan debounce, IScheduler scheduler) : IObserver<T>, IDisposable
    {
        // _gate guards the table and the timer and is all a watcher's thread ever waits for;
        // _emit keeps what goes downstream in order and never two at once.
        private readonly object _gate = new();
        private readonly object _emit = new();
        private readonly IStopwatch _clock = scheduler.StartStopwatch();
        private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
        private readonly List<Pending> _ready = [];
        private readonly List<string> _readyKeys = [];
        private IDisposable? _timer;
        private bool _timerArmed;
        private bool _done;

        private readonly record struct Pending(T Value, TimeSpan Due);

        public IDisposable Upstream { get; set; } = Disposable.Empty;

        public void OnNext(T value)
        {
            var key = keyOf(value);
            lock (_gate)
            {
                if (_done)
                {
                    return;
                }
                var due = _clock.Elapsed + debounce;
                _pending[key] = new Pending(value, due);
                if (!_timerArmed)
                {
                    Arm(due);
                }
            }
        }

        // Under _gate. A timer already armed fires no later than this due time and re-arms for the next one.
        private void Arm(TimeSpan due)
        {
            _timerArmed = true;
            var delay = due - _clock.Elapsed;
            _timer = scheduler.Schedule(this, delay > TimeSpan.Zero ? delay : TimeSpan.Zero, static (_, self) =>
            {
                self.Fire();
                return Disposable.Empty;
            });
        }

        private void Fire()
        {
            lock (_emit)
            {
                lock (_gate)
                {
                    _timerArmed = false;
                    if (_done)
                    {
                        return;
                    }
                    var now = _clock.Elapsed;
                    TimeSpan? next = null;
                    foreach (var (key, pending) in _pending)
                    {
                        if (pending.Due <= now)
                        {
                            _ready.Add(pending);
                            _readyKeys.Add(key);
                        }
                        else if (next is null || pending.Due < next)
                        {
                            next = pending.Due;
                        }
                    }
                    foreach (var key in _readyKeys)
                    {
                        _pending.Remove(key);
                    }
                    _readyKeys.Clear();
                    if (next is { } due)
                    {
                        Arm(due);
                    }
                }
                EmitReady();
            }
        }

        // Under _emit: in the order they came due.
        private void EmitReady()
        {
            try
            {
                _ready.Sort(static (a, b) => a.Due.CompareTo(b.Due));
                foreach (var pending in _ready)
                {
                    observer.OnNext(pending.Value);
                }
            }
            finally
            {
                _ready.Clear();
            }
        }

        public void OnCompleted()
        {
            // As Throttle does: what is still pending is passed on at once, then the end.
            lock (_emit)
            {
                if (Stop(passPending: true))
                {
                    EmitReady();
                    observer.OnCompleted();
                }
            }
        }

        public void OnError(Exception error)
        {
            lock (_emit)
            {
                if (Stop(passPending: false))
                {
                    observer.OnError(error);
                }
            }
        }

        public void Dispose()
        {
            Stop(passPending: false);
            Upstream.Dispose();
        }

        /// <summary>Ends the table and its timer once; false when it had already ended.</summary>
        private bool Stop(bool passPending)
        {
            lock (_gate)
            {
                if (_done)
                {
                    return false;
                }
                _done = true;
                _timer?.Dispose();
                if (passPending)
                {
                    _ready.AddRange(_pending.Values);
                }
                _pending.Clear();
                return true;
            }
        }
    }
}
