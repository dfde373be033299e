using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Recording.Catalogue;
using Microsoft.Extensions.Logging;

namespace GoWatch.Recording;

/// <summary>
/// Records <c>InstallationChanged</c> when an installation's fingerprint differs from the last
/// recorded one (stream <c>install:&lt;path&gt;</c>); an installation seen for the first time is
/// recorded with no "before". One decision at a time, like <see cref="FileRecorder"/>.
/// </summary>
public sealed class InstallationRecorder
{
    private readonly IEventStore _store;
    private readonly Func<WatchCatalogue> _catalogue;
    private readonly InstallationFingerprinter _fingerprinter = new();
    private readonly ILogger<InstallationRecorder> _log;
    private readonly object _gate = new();
    private readonly Dictionary<string, InstallationFingerprint> _last = new(StringComparer.Ordinal);

    public InstallationRecorder(IEventStore store, Func<WatchCatalogue> catalogue, ILogger<InstallationRecorder> log)
    {
        _store = store;
        _catalogue = catalogue;
        _log = log;
        foreach (var e in NewestPerStream.Load(store, "install:", e => e.Data is InstallationChanged))
        {
            var last = (InstallationChanged)e.Data;
            _last[last.Path] = last.After;
        }
    }

    /// <summary>Installations with a recorded state or in the catalogue now.</summary>
    public IEnumerable<string> Paths()
    {
        lock (_gate)
        {
            return _catalogue().Installations.Concat(_last.Keys).Distinct(StringComparer.Ordinal).ToList();
        }
    }

    public EventEnvelope? Record(string path)
    {
        lock (_gate)
        {
            var after = _fingerprinter.Take(path);
            var before = _last.GetValueOrDefault(path);
            if (before == after || (before is null && !after.Exists))
            {
                return null;
            }
            var stream = Streams.Install(path);
            var stored = _store.Append(new AppendRequest(stream, _store.StreamVersion(stream),
                [new NewEvent(new InstallationChanged(path, before, after), EventSources.Daemon)])).Events[0];
            _last[path] = after;
            _log.LogInformation("Recorded {Type} for {Path} at position {Position}", stored.Type, path, stored.Position);
            return stored;
        }
    }
}
