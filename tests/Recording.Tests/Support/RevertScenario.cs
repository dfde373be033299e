using System.Security.Cryptography;
using System.Text;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Recording.Catalogue;
using GoWatch.Recording.Revert;

namespace GoWatch.Recording.Tests.Support;

/// <summary>
/// Given/When helpers for reverts: a temp HOME, a real LiteDB store, the real recorder to record
/// edits as the daemon would, and the reverter under test.
/// </summary>
public sealed class RevertScenario : IDisposable
{
    private readonly TempTree _tree = new();

    public RevertScenario()
    {
        Store = LiteDbEventStore.Open(_tree.Settings.StorePath, _tree.Settings.LockPath);
        Catalogue = WatchCatalogue.Default(_tree.Settings);
        Recorder = new FileRecorder(Store, Catalogue, 1024 * 1024, new ListLogger<FileRecorder>());
    }

    public LiteDbEventStore Store { get; }
    public WatchCatalogue Catalogue { get; }
    public FileRecorder Recorder { get; }
    public TempTree Tree => _tree;
    public string Zshrc => _tree.HomePath(".zshrc");

    public string HomePath(string relative) => _tree.HomePath(relative);

    public string SystemPath(string absolute) => _tree.Settings.SystemPath(absolute);

    /// <summary>Writes the file and records it as the daemon would; returns the recorded position.</summary>
    public long Edit(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return Recorder.Record(path)?.Position ?? throw new InvalidOperationException($"nothing recorded for {path}");
    }

    /// <summary>Records the path absent, then creates it: a creation the recorder saw; returns its position.</summary>
    public long Create(string path, string content)
    {
        if (Recorder.Record(path) is not null || File.Exists(path))
        {
            throw new InvalidOperationException($"{path} must be absent and unrecorded before it is created");
        }
        return Edit(path, content);
    }

    public long Delete(string path)
    {
        File.Delete(path);
        return Recorder.Record(path)?.Position ?? throw new InvalidOperationException($"nothing recorded for {path}");
    }

    /// <summary>Appends an event straight into the log, as a tampering process could.</summary>
    public long Tamper(IFileEvent data, string? stream = null) =>
        Store.Append(new AppendRequest(stream ?? Streams.File(data.Path), ExpectedVersion.Any, [new NewEvent(data, EventSources.Daemon)])).Events[0].Position;

    public RevertResult Revert(long position, bool force = false, bool dryRun = false) =>
        new FileReverter(Store, Catalogue, 1024 * 1024, EventSources.Cli).Revert(new RevertRequest(position) { Force = force, DryRun = dryRun });

    public RevertResult Revert(RevertRequest request) =>
        new FileReverter(Store, Catalogue, 1024 * 1024, EventSources.Cli).Revert(request);

    public IReadOnlyList<EventEnvelope> Stream(string path) => Store.ReadStream(Streams.File(path));

    public static string Sha(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public void Dispose()
    {
        Store.Dispose();
        _tree.Dispose();
    }
}
