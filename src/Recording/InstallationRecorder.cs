using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Recording.Catalogue;
using Microsoft.Extensions.Logging;

namespace GoWatch.Recording;

/// <summary>
/// Records <c>InstallationChanged</c> when an installation's fingerprint differs from the last
/// recorded one (stream <c>install:&lt;path&gt;</c>). An installation that is simply there the
/// first time it is looked at is a baseline (<c>InstallationObserved</c>); only one this process
/// saw absent before is recorded as appearing. One decision at a time, like <see cref="FileRecorder"/>.
/// </summary>
public sealed class InstallationRecorder
{
    private readonly IEventStore _store;
    private readonly Func<WatchCatalogue> _catalogue;
    private readonly InstallationFingerprinter _fingerprinter = new();
    private readonly ILogger<InstallationRecorder> _log;
    private readonly object _gate = new();
    private readonly Dictionary<string, InstallationFingerprint> _last = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenAbsent = new(StringComparer.Ordinal);

    /// <summary>Who records: the daemon, or the CLI reconciling before doctor while the daemon is down.</summary>
    public string Source { get; init; } = EventSources.Daemon;

    public InstallationRecorder(IEventStore store, Func<WatchCatalogue> catalogue, ILogger<InstallationRecorder> log)
    {
        _store = store;
        _catalogue = catalogue;
        _log = log;
        foreach (var e in NewestPerStream.Load(store, "install:", e => e.Data is InstallationChanged or InstallationObserved))
        {
            var (path, fingerprint) = e.Data switch
            {
                InstallationChanged c => (c.Path, c.After),
                InstallationObserved o => (o.Path, o.Fingerprint),
                _ => throw new InvalidOperationException($"Unexpected {e.Type}."),
            };
            _last[path] = fingerprint;
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
            if (before == after)
            {
                return null;
            }
            IEvent data;
            if (before is null)
            {
                if (!after.Exists)
                {
                    _seenAbsent.Add(path);
                    return null;
                }
                data = _seenAbsent.Remove(path)
                    ? new InstallationChanged(path, InstallationFingerprint.Absent, after)
                    : new InstallationObserved(path, after);
            }
            else
            {
                data = new InstallationChanged(path, before, after);
            }
            var stream = Streams.Install(path);
            var stored = _store.Append(new AppendRequest(stream, _store.StreamVersion(stream),
                [new NewEvent(data, Source)])).Events[0];
            _last[path] = after;
            _log.LogInformation("Recorded {Type} for {Path} at position {Position}", stored.Type, path, stored.Position);
            return stored;
        }
    }
}
