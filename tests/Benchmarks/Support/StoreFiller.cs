using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;

namespace GoWatch.Benchmarks.Support;

/// <summary>A clock that moves on a fixed step each time the store asks it, so a generated history spans months.</summary>
public sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    private long _calls;

    public override DateTimeOffset GetUtcNow() => start + step * Interlocked.Increment(ref _calls);
}

/// <summary>
/// Fills a store through <see cref="LiteDbEventStore.AppendMany"/> with a realistic mix of events:
/// mostly file changes over ~50 paths, verifications, drift, notifications, daemon starts.
/// </summary>
public sealed class StoreFiller(string home, int seed = 7)
{
    private static readonly string[] CheckIds =
    [
        "shell.startup-failed", "path.broken", "go.not-found", "go.arch-mismatch", "goroot.mismatch", "path.order",
        "go.multiple-installs", "install.stale-arch", "symlink.dangling", "gopath.bin-missing", "gopath.invalid",
        "gopath.mixed", "modules.off", "modules.auto", "goenv.overrides", "proxy.insecure", "homebrew.rosetta",
        "cgo.compiler", "toolchain.too-old", "goland.goroot-missing", "goland.goroot-differs", "goland.modules-disabled",
    ];

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, string?> _lastSha = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Paths { get; } = Enumerable.Range(0, 50).Select(i => i switch
    {
        0 => Path.Combine(home, ".zshrc"),
        1 => Path.Combine(home, ".zprofile"),
        2 => Path.Combine(home, ".bashrc"),
        3 => Path.Combine(home, ".profile"),
        4 => Path.Combine(home, ".zshenv"),
        5 => Path.Combine(home, ".config", "fish", "config.fish"),
        6 => Path.Combine(home, ".config", "go", "env"),
        _ => Path.Combine(home, ".config", "fish", "conf.d", $"conf-{i:D2}.fish"),
    }).ToArray();

    /// <summary>The path that gets the most changes (the first: ~/.zshrc).</summary>
    public string BusiestPath => Paths[0];

    public void Fill(LiteDbEventStore store, int events, int batch, Action<int>? progress = null)
    {
        for (var written = 0; written < events;)
        {
            var count = Math.Min(batch, events - written);
            var requests = new List<AppendRequest>(count);
            for (var i = 0; i < count; i++)
            {
                var (stream, data) = Next();
                requests.Add(new AppendRequest(stream, ExpectedVersion.Any, [new NewEvent(data, EventSources.Daemon)]));
            }
            store.AppendMany(requests);
            written += count;
            progress?.Invoke(written);
        }
    }

    private (string Stream, IEvent Data) Next()
    {
        var r = _random.NextDouble();
        if (r < 0.80)
        {
            // Skewed towards the first files, as a real user edits ~/.zshrc far more than conf.d/.
            var path = Paths[Math.Min(Paths.Count - 1, (int)(Paths.Count * Math.Pow(_random.NextDouble(), 2)))];
            var before = _lastSha.GetValueOrDefault(path);
            var after = Sha();
            _lastSha[path] = after;
            return (Streams.File(path), new FileChanged(path, before, after, _random.Next(0, 4), _random.Next(0, 3), 4000 + _random.Next(200), true, "shell"));
        }
        if (r < 0.81)
        {
            var path = Paths[_random.Next(Paths.Count)];
            var after = Sha();
            _lastSha[path] = after;
            return (Streams.File(path), new FileCreated(path, after, 3900 + _random.Next(300), true, "shell"));
        }
        if (r < 0.94)
        {
            var failing = _random.Next(10) == 0 ? CheckIds[_random.Next(CheckIds.Length)] : null;
            var findings = failing is null
                ? (IReadOnlyList<FindingRecord>)[]
                : [new FindingRecord(failing, "error", "GOROOT points to a missing directory", "GOROOT=/opt/homebrew/Cellar/go/1.21.0/libexec does not exist",
                    [new EvidenceRecord(Paths[0], 12, "export GOROOT=/opt/homebrew/Cellar/go/1.21.0/libexec")], "Remove the export from ~/.zshrc")];
            var passed = CheckIds.Where(c => c != failing).ToArray();
            return (Streams.Daemon, new VerificationCompleted(_random.Next(3) == 0 ? "schedule" : "change", findings, passed, 300 + _random.Next(900)));
        }
        if (r < 0.97)
        {
            var check = CheckIds[_random.Next(CheckIds.Length)];
            return _random.Next(2) == 0
                ? (Streams.Check(check), new DriftDetected(check, "error", "PATH lacks /usr/bin", _random.Next(1, 1000)))
                : (Streams.Check(check), new DriftResolved(check, _random.Next(1, 1000)));
        }
        if (r < 0.98)
        {
            return (Streams.Daemon, new NotificationSent("notify-send", "GoWatch: go.not-found", "No go on PATH since the change to ~/.zshrc", ["go.not-found"], true, null));
        }
        if (r < 0.99)
        {
            return _random.Next(2) == 0
                ? (Streams.Daemon, new DaemonStarted(1000 + _random.Next(30000), "1.0.0", "linux", "amd64", 19))
                : (Streams.Daemon, new DaemonStopped(1000 + _random.Next(30000), "SIGTERM"));
        }
        var install = "/usr/local/go";
        return (Streams.Install(install), new InstallationChanged(install,
            new InstallationFingerprint(true, "directory", null, "go1.22.1", "amd64", Sha()),
            new InstallationFingerprint(true, "directory", null, "go1.22.2", "amd64", Sha())));
    }

    private string Sha()
    {
        Span<byte> bytes = stackalloc byte[32];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
