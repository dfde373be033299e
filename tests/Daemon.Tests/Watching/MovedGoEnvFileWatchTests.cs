using GoWatch.Daemon.Tests.Support;
using GoWatch.Checks;
using GoWatch.Daemon.Verification;
using GoWatch.Daemon.Watching;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Recording;
using GoWatch.Recording.Catalogue;
using GoWatch.Recording.Verification;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>
/// The watch service with real watchers and a real store: once a verification finds Go reading an
/// env file the shell moved (GOENV=…), changes to that file are recorded like the default one's.
/// </summary>
public sealed class MovedGoEnvFileWatchTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly LiteDbEventStore _store;
    private readonly CatalogueSource _catalogue;
    private readonly WatchService _service;
    private readonly VerificationRunner _runner;

    public MovedGoEnvFileWatchTests()
    {
        var settings = _tree.Settings with { Debounce = TimeSpan.FromMilliseconds(20), Shell = "/usr/bin/zsh", Notifications = false };
        Directory.CreateDirectory(settings.DataDir);
        _store = LiteDbEventStore.Open(settings.StorePath, settings.LockPath);
        _catalogue = new CatalogueSource(settings, _store);
        var watchers = new DirectoryWatchers(() => _catalogue.Current, settings, new ListLogger<DirectoryWatchers>());
        var files = new FileRecorder(_store, () => _catalogue.Current, settings.ContentCapBytes, new ListLogger<FileRecorder>());
        var installs = new InstallationRecorder(_store, () => _catalogue.Current, new ListLogger<InstallationRecorder>());
        var reconciler = new Reconciler(() => _catalogue.Current, files, installs, new ListLogger<Reconciler>());
        _service = new WatchService(watchers, files, installs, _catalogue, reconciler, _store, settings, new ListLogger<WatchService>());
        _service.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        var notifier = new DriftNotifier(_store, GoWatch.Platform.Notifications.DesktopNotifierFactory.Create(settings.Platform), settings, TimeProvider.System, new ListLogger<DriftNotifier>());
        _runner = new VerificationRunner(new Verifier(), new VerificationLog(_store), notifier, _store, reconciler, settings, _catalogue, new ListLogger<VerificationRunner>());
    }

    public void Dispose()
    {
        _service.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _service.Dispose();
        _store.Dispose();
        _tree.Dispose();
    }

    private List<IFileEvent> EventsFor(string path) =>
        _store.Query(EventQuery.All).Select(e => e.Data).OfType<IFileEvent>().Where(e => e.Path == path).ToList();

    [Fact]
    public void A_go_env_file_moved_by_the_shell_is_recorded_when_go_env_w_changes_it()
    {
        // Given GOENV=$HOME/gopath/env in the shell, with a first setting in it
        var moved = _tree.HomePath("gopath/env");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        File.WriteAllText(moved, "GOPROXY=https://goproxy.cn,direct\n");
        Assert.Empty(EventsFor(moved));

        // When a verification finds Go reading it
        _catalogue.UseGoEnvFile(moved);

        // Then it is taken in as it is, and `go env -w` writing it again is recorded as a change
        Eventually.True(() => EventsFor(moved).OfType<FileObserved>().Any(), "the moved env file is observed");
        File.WriteAllText(moved, "GOPROXY=https://goproxy.cn,direct\nGO111MODULE=off\n");
        Eventually.True(() => EventsFor(moved).OfType<FileChanged>().Any(), "the change to the moved env file is recorded");
    }

    [Fact]
    public async Task A_verification_that_finds_goenv_moved_in_the_login_shell_makes_the_daemon_watch_that_file()
    {
        // Given the real zsh with GOENV=$HOME/gopath/env, and the real go to ask
        Assert.True(File.Exists("/usr/bin/go"), "this test needs Debian's golang-go in /usr/bin");
        File.WriteAllText(_tree.HomePath(".zshrc"), "export GOENV=$HOME/gopath/env\n");
        var moved = _tree.HomePath("gopath/env");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        File.WriteAllText(moved, "GOFLAGS=-mod=mod\n");

        // When the daemon verifies
        await _runner.RunAsync("test", CancellationToken.None);

        // Then the moved file is in the catalogue and recorded
        Assert.NotNull(_catalogue.Current.Find(moved));
        Eventually.True(() => EventsFor(moved).OfType<FileObserved>().Any(), "the moved env file is observed");
    }
}
