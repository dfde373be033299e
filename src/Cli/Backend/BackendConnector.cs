using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Platform.Locations;

namespace GoWatch.Cli.Backend;

/// <summary>
/// Exactly one process opens the store: the daemon if it runs (ask it), else this CLI (take the
/// lock). A lock held by someone who does not answer on the socket is reported, not waited on.
/// </summary>
public static class BackendConnector
{
    public static IGoWatchBackend Connect(GoWatchSettings settings)
    {
        if (DaemonBackend.TryConnect(settings.SocketPath, TimeSpan.FromSeconds(2)) is { } daemon)
        {
            return daemon;
        }
        // Another gowatch command holds the store for milliseconds; a starting daemon holds it
        // until its socket listens. Either way: try the store, then the socket, for a few seconds.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            try
            {
                return new DirectBackend(LiteDbEventStore.Open(settings.StorePath, settings.LockPath, lockPatience: TimeSpan.FromMilliseconds(500)), settings);
            }
            catch (StoreLockedException ex)
            {
                if (DaemonBackend.TryConnect(settings.SocketPath, TimeSpan.FromSeconds(1)) is { } late)
                {
                    return late;
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new BackendUnavailableException(
                        $"The store in {settings.DataDir} is held by another process ({ex.Holder ?? "it did not say who"}), and no gowatchd answers on {settings.SocketPath}. It lets go when that process ends; run the command again then.");
                }
            }
            catch (StoreUnavailableException ex)
            {
                throw new BackendUnavailableException(ex.Message, ex);
            }
        }
    }
}
