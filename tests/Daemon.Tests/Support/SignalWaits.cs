using System.Collections.Concurrent;
using GoWatch.Daemon.Watching;

namespace GoWatch.Daemon.Tests.Support;

/// <summary>Waiting for a signal of the real watchers (inotify delivers within milliseconds; 5 s means it never came).</summary>
public static class SignalWaits
{
    public static T WaitFor<T>(this BlockingCollection<WatchSignal> signals, Func<T, bool> match) where T : WatchSignal
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (signals.TryTake(out var s, TimeSpan.FromMilliseconds(100)) && s is T t && match(t))
            {
                return t;
            }
        }
        throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} arrived within 5 s.");
    }
}
