using System.Runtime.CompilerServices;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using GoWatch.Recording.Catalogue;
using GoWatch.Recording.Revert;
using GoWatch.Wire;

namespace GoWatch.Cli.Backend;

/// <summary>The daemon is down: the CLI holds the store lock and reads the store itself.</summary>
public sealed class DirectBackend(IEventStore store, GoWatchSettings settings) : IGoWatchBackend
{
    public bool ThroughDaemon => false;

    public IEventStore Store => store;

    public IReadOnlyList<EventEnvelope> Query(EventQuery query) => store.Query(query);

    public EventEnvelope? Get(long position) => store.Get(position);

    public byte[]? GetBlob(string sha256) => store.Get(sha256);

    /// <summary>
    /// Records what changed in the watched files since the last recorded state — what the daemon
    /// would have recorded had it run, the Go env file Go reads included — and then the verification,
    /// so its drift blames the right change.
    /// </summary>
    public long RecordVerification(GoWatch.Events.Model.VerificationCompleted completed, string? goEnvFile = null)
    {
        GoWatch.Recording.Reconciler.Standalone(store, settings, EventSources.Cli, goEnvFile).ReconcileAll("doctor");
        return new GoWatch.Recording.Verification.VerificationLog(store).Record(completed, EventSources.Cli).Completed.Position;
    }

    public EventEnvelope? SetProjectWatched(string directory, bool watched) =>
        GoWatch.Recording.ProjectWatchList.Set(store, directory, watched, EventSources.Cli);

    public StatusReport Status() => StatusReport.Build(store, DaemonStatus.NotRunning);

    public async IAsyncEnumerable<EventEnvelope> FollowAsync(long? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        throw new BackendUnavailableException("gowatchd is not running, so there is nothing to follow. Start it (gowatchd, or gowatch service install) and try again.");
#pragma warning disable CS0162 // An async iterator needs a yield to be one.
        yield break;
#pragma warning restore CS0162
    }

    /// <summary>The daemon is down and this process holds the store lock: it writes and records the revert itself.</summary>
    public RevertResult Revert(RevertRequest request, GoWatchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var catalogue = new CatalogueSource(settings, store);
        // The daemon takes a Go env file moved by GOENV into its catalogue when a verification finds
        // Go reading it. Down, it cannot say so; the store can: the file's events say what it is.
        if (store.Get(request.Position)?.Data is IFileEvent { Path: var path } && RecordedClass(path) == FileClass.GoEnv)
        {
            catalogue.UseGoEnvFile(path);
        }
        return new FileReverter(store, catalogue.Current, settings.ContentCapBytes, EventSources.Cli).Revert(request);
    }

    private static readonly string[] ClassifiedFileEvents = ["FileObserved", "FileCreated", "FileChanged", "FileDeleted", "FileUnreadable"];

    /// <summary>What kind of watched file <paramref name="path"/> was when last recorded (a revert itself does not say).</summary>
    private string? RecordedClass(string path) =>
        store.Query(new EventQuery { Path = path, Types = ClassifiedFileEvents, Limit = 1 }) is [{ Data: var data }]
            ? data switch
            {
                FileObserved o => o.FileClass,
                FileCreated c => c.FileClass,
                FileChanged c => c.FileClass,
                FileDeleted d => d.FileClass,
                FileUnreadable u => u.FileClass,
                _ => null,
            }
            : null;

    public void Dispose() => store.Dispose();
}
