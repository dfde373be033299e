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
        try
        {
            return new DirectBackend(LiteDbEventStore.Open(settings.StorePath, settings.LockPath));
        }
        catch (StoreLockedException)
        {
            // The daemon may be starting up (lock taken, socket not yet listening): one short retry.
            Thread.Sleep(500);
            if (DaemonBackend.TryConnect(settings.SocketPath, TimeSpan.FromSeconds(2)) is { } late)
            {
                return late;
            }
            throw new BackendUnavailableException(
                $"The store in {settings.DataDir} is locked by another process, and no gowatchd answers on {settings.SocketPath}. Another gowatch command may be running; try again in a moment.");
        }
        catch (StoreUnavailableException ex)
        {
            throw new BackendUnavailableException(ex.Message, ex);
        }
    }
}
