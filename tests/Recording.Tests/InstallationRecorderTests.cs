using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Recording.Catalogue;
using GoWatch.Recording.Tests.Support;

namespace GoWatch.Recording.Tests;

/// <summary>Installation fingerprints against real files, symlinks and a real store.</summary>
public sealed class InstallationRecorderTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly LiteDbEventStore _store;
    private readonly InstallationRecorder _recorder;

    public InstallationRecorderTests()
    {
        _store = LiteDbEventStore.Open(_tree.Settings.StorePath, _tree.Settings.LockPath);
        _recorder = new InstallationRecorder(_store, () => WatchCatalogue.Default(_tree.Settings), new ListLogger<InstallationRecorder>());
    }

    public void Dispose()
    {
        _store.Dispose();
        _tree.Dispose();
    }

    private string Sys(string path) => _tree.Settings.SystemPath(path);

    private static void GoRoot(string root, string version, byte[] binary)
    {
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        File.WriteAllText(Path.Combine(root, "VERSION"), version + "\ntime 2024-01-01T00:00:00Z\n");
        File.WriteAllBytes(Path.Combine(root, "bin", "go"), binary);
    }

    // Thin Mach-O headers: magic 0xFEEDFACF then the CPU type.
    private static readonly byte[] MachOArm64 = [0xCF, 0xFA, 0xED, 0xFE, 0x0C, 0x00, 0x00, 0x01, 0, 0, 0, 0];
    private static readonly byte[] MachOAmd64 = [0xCF, 0xFA, 0xED, 0xFE, 0x07, 0x00, 0x00, 0x01, 0, 0, 0, 0];

    [Fact]
    public void The_well_known_locations_are_in_the_catalogue()
    {
        var installs = WatchCatalogue.Default(_tree.Settings).Installations;

        Assert.Contains(Sys("/usr/local/go"), installs);
        Assert.Contains(Sys("/usr/local/bin/go"), installs);
        Assert.Contains(Sys("/opt/homebrew/bin/go"), installs);
        Assert.Contains(Sys("/usr/local/Homebrew"), installs);
    }

    [Fact]
    public void A_go_root_seen_for_the_first_time_is_a_baseline_with_version_arch_and_hash_and_then_not_recorded_again()
    {
        GoRoot(Sys("/usr/local/go"), "go1.22.5", MachOArm64);

        var first = Assert.IsType<InstallationObserved>(_recorder.Record(Sys("/usr/local/go"))!.Data);

        Assert.Equal(new InstallationFingerprint(true, "directory", null, "go1.22.5", "arm64", first.Fingerprint.GoBinarySha256), first.Fingerprint);
        Assert.NotNull(first.Fingerprint.GoBinarySha256);
        Assert.Null(_recorder.Record(Sys("/usr/local/go")));
    }

    [Fact]
    public void A_go_root_seen_absent_and_then_unpacked_is_recorded_as_appearing()
    {
        Assert.Null(_recorder.Record(Sys("/usr/local/go")));
        GoRoot(Sys("/usr/local/go"), "go1.22.5", MachOArm64);

        var appeared = Assert.IsType<InstallationChanged>(_recorder.Record(Sys("/usr/local/go"))!.Data);

        Assert.False(appeared.Before!.Exists);
        Assert.Equal("go1.22.5", appeared.After.Version);
    }

    [Fact]
    public void Replacing_the_tree_with_an_Intel_build_records_before_and_after()
    {
        GoRoot(Sys("/usr/local/go"), "go1.22.5", MachOArm64);
        _recorder.Record(Sys("/usr/local/go"));
        Directory.Delete(Sys("/usr/local/go"), recursive: true);
        GoRoot(Sys("/usr/local/go"), "go1.22.5", MachOAmd64);

        var changed = Assert.IsType<InstallationChanged>(_recorder.Record(Sys("/usr/local/go"))!.Data);

        Assert.Equal("arm64", changed.Before!.Arch);
        Assert.Equal("amd64", changed.After.Arch);
    }

    [Fact]
    public void A_retargeted_and_then_dangling_go_symlink_is_recorded_each_time()
    {
        GoRoot(Sys("/usr/local/go"), "go1.22.5", MachOArm64);
        GoRoot(Sys("/opt/homebrew/Cellar/go/1.21.0/libexec"), "go1.21.0", MachOAmd64);
        var link = Sys("/usr/local/bin/go");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, Sys("/usr/local/go/bin/go"));
        _recorder.Record(link);

        File.Delete(link);
        File.CreateSymbolicLink(link, Sys("/opt/homebrew/Cellar/go/1.21.0/libexec/bin/go"));
        var retargeted = Assert.IsType<InstallationChanged>(_recorder.Record(link)!.Data);
        Directory.Delete(Sys("/opt/homebrew/Cellar/go/1.21.0"), recursive: true);
        var dangling = Assert.IsType<InstallationChanged>(_recorder.Record(link)!.Data);

        Assert.Equal(Sys("/usr/local/go/bin/go"), retargeted.Before!.SymlinkTarget);
        Assert.Equal("go1.21.0", retargeted.After.Version);
        Assert.Equal("amd64", retargeted.After.Arch);
        Assert.True(dangling.After.Exists);
        Assert.Equal("symlink", dangling.After.Kind);
        Assert.Null(dangling.After.GoBinarySha256);
    }

    [Fact]
    public void Removing_an_installation_is_recorded_and_an_absent_one_never_seen_is_not()
    {
        GoRoot(Sys("/usr/local/go"), "go1.22.5", MachOArm64);
        _recorder.Record(Sys("/usr/local/go"));
        Directory.Delete(Sys("/usr/local/go"), recursive: true);

        var removed = Assert.IsType<InstallationChanged>(_recorder.Record(Sys("/usr/local/go"))!.Data);

        Assert.False(removed.After.Exists);
        Assert.Null(_recorder.Record(Sys("/usr/local/bin/go")));
        Assert.Equal(2, _store.Count);
    }

    [Fact]
    public void After_a_restart_the_last_fingerprint_is_known_and_nothing_is_recorded_twice()
    {
        GoRoot(Sys("/usr/local/go"), "go1.22.5", MachOArm64);
        _recorder.Record(Sys("/usr/local/go"));

        var again = new InstallationRecorder(_store, () => WatchCatalogue.Default(_tree.Settings), new ListLogger<InstallationRecorder>());

        Assert.Null(again.Record(Sys("/usr/local/go")));
        Assert.Contains(Sys("/usr/local/go"), again.Paths());
    }
}
