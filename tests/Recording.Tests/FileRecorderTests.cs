using System.Text;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Recording;
using GoWatch.Recording.Catalogue;
using GoWatch.Recording.Tests.Support;

namespace GoWatch.Recording.Tests;

/// <summary>The recorder against a real LiteDB file and real files in a temp HOME.</summary>
public sealed class FileRecorderTests : IDisposable
{
    private readonly TempTree _tree = new();
    private LiteDbEventStore _store;
    private FileRecorder _recorder;

    public FileRecorderTests()
    {
        _store = OpenStore();
        _recorder = NewRecorder(contentCap: 1024);
    }

    private string Zshrc => _tree.HomePath(".zshrc");

    private LiteDbEventStore OpenStore() => LiteDbEventStore.Open(_tree.Settings.StorePath, _tree.Settings.LockPath);

    private FileRecorder NewRecorder(long contentCap) =>
        new(_store, WatchCatalogue.Default(_tree.Settings), contentCap, new ListLogger<FileRecorder>());

    public void Dispose()
    {
        _store.Dispose();
        _tree.Dispose();
    }

    [Fact]
    public void A_file_that_was_already_there_is_a_baseline_with_its_content_not_a_creation()
    {
        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\n");
        File.SetUnixFileMode(Zshrc, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var e = _recorder.Record(Zshrc);

        var observed = Assert.IsType<FileObserved>(e!.Data);
        Assert.True(observed.ContentStored);
        Assert.Equal(Convert.ToInt32("600", 8), observed.Mode);
        Assert.Equal("export GOPATH=$HOME/go\n", Encoding.UTF8.GetString(_store.Get(observed.Sha256!)!));
        Assert.Equal("file:" + Zshrc, e.Stream);
    }

    [Fact]
    public void Recording_a_new_content_costs_one_disk_sync_for_the_snapshot_and_its_event_together()
    {
        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\n");
        var before = _store.DurableSyncs;

        var e = _recorder.Record(Zshrc);

        Assert.Equal(1, _store.DurableSyncs - before);
        _store.Dispose();
        _store = OpenStore();
        var observed = Assert.IsType<FileObserved>(_store.Get(e!.Position)!.Data);
        Assert.Equal("export GOPATH=$HOME/go\n", Encoding.UTF8.GetString(_store.Get(observed.Sha256!)!));
    }

    [Fact]
    public void A_file_seen_absent_and_then_present_is_recorded_as_a_witnessed_creation()
    {
        Assert.Null(_recorder.Record(Zshrc));
        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\n");

        var created = Assert.IsType<FileCreated>(_recorder.Record(Zshrc)!.Data);

        Assert.True(created.Witnessed);
        Assert.Equal("export GOPATH=$HOME/go\n", Encoding.UTF8.GetString(_store.Get(created.AfterSha256!)!));
    }

    [Fact]
    public void A_file_recorded_deleted_that_comes_back_is_a_witnessed_creation_even_in_a_new_process()
    {
        File.WriteAllText(Zshrc, "a\n");
        _recorder.Record(Zshrc);
        File.Delete(Zshrc);
        _recorder.Record(Zshrc);
        _recorder = NewRecorder(contentCap: 1024);
        File.WriteAllText(Zshrc, "b\n");

        Assert.True(Assert.IsType<FileCreated>(_recorder.Record(Zshrc)!.Data).Witnessed);
    }

    [Fact]
    public void A_fish_file_that_appears_in_a_scanned_conf_d_is_a_creation_and_one_never_scanned_is_a_baseline()
    {
        var confd = _tree.HomePath(".config/fish/conf.d");
        Directory.CreateDirectory(confd);
        File.WriteAllText(Path.Combine(confd, "old.fish"), "set -gx GOPATH ~/go\n");
        Assert.IsType<FileObserved>(_recorder.Record(Path.Combine(confd, "old.fish"))!.Data);
        _recorder.MarkScanned(confd);

        File.WriteAllText(Path.Combine(confd, "new.fish"), "set -gx GOBIN ~/bin\n");

        Assert.True(Assert.IsType<FileCreated>(_recorder.Record(Path.Combine(confd, "new.fish"))!.Data).Witnessed);
    }

    [Fact]
    public void Seeing_the_same_content_again_records_nothing()
    {
        File.WriteAllText(Zshrc, "a\n");
        _recorder.Record(Zshrc);

        Assert.Null(_recorder.Record(Zshrc));
        Assert.Equal(1, _store.Count);
    }

    [Fact]
    public void A_change_records_both_hashes_and_the_lines_added_and_removed()
    {
        File.WriteAllText(Zshrc, "one\ntwo\n");
        var first = (FileObserved)_recorder.Record(Zshrc)!.Data;
        File.WriteAllText(Zshrc, "one\nthree\nfour\n");

        var changed = Assert.IsType<FileChanged>(_recorder.Record(Zshrc)!.Data);

        Assert.Equal(first.Sha256, changed.BeforeSha256);
        Assert.Equal(2, changed.LinesAdded);
        Assert.Equal(1, changed.LinesRemoved);
    }

    [Fact]
    public void A_deleted_file_is_recorded_once()
    {
        File.WriteAllText(Zshrc, "x\n");
        _recorder.Record(Zshrc);
        File.Delete(Zshrc);

        Assert.IsType<FileDeleted>(_recorder.Record(Zshrc)!.Data);
        Assert.Null(_recorder.Record(Zshrc));
    }

    [Fact]
    public void A_directory_in_the_place_of_a_file_is_unreadable_not_a_crash()
    {
        Directory.CreateDirectory(Zshrc);

        var e = Assert.IsType<FileUnreadable>(_recorder.Record(Zshrc)!.Data);

        Assert.Contains("directory", e.Reason);
    }

    [Fact]
    public void A_symlink_loop_is_unreadable_with_a_reason()
    {
        File.CreateSymbolicLink(Zshrc, _tree.HomePath(".zshrc.loop"));
        File.CreateSymbolicLink(_tree.HomePath(".zshrc.loop"), Zshrc);

        var e = Assert.IsType<FileUnreadable>(_recorder.Record(Zshrc)!.Data);

        Assert.False(string.IsNullOrWhiteSpace(e.Reason));
    }

    [Fact]
    public void A_file_over_the_cap_is_fingerprinted_but_its_content_is_not_kept()
    {
        File.WriteAllBytes(Zshrc, new byte[4096]);

        var observed = Assert.IsType<FileObserved>(_recorder.Record(Zshrc)!.Data);

        Assert.False(observed.ContentStored);
        Assert.Equal(4096, observed.Size);
        Assert.Null(_store.Get(observed.Sha256!));
    }

    [Fact]
    public void Binary_and_invalid_utf8_content_is_recorded_byte_for_byte()
    {
        byte[] content = [0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28, 0x0a];
        File.WriteAllBytes(Zshrc, content);

        var observed = Assert.IsType<FileObserved>(_recorder.Record(Zshrc)!.Data);

        Assert.Equal(content, _store.Get(observed.Sha256!));
    }

    [Fact]
    public void Paths_outside_the_catalogue_are_ignored()
    {
        var other = _tree.HomePath("notes.txt");
        File.WriteAllText(other, "x");

        Assert.Null(_recorder.Record(other));
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public void After_reopening_the_store_the_recorder_knows_what_was_recorded_and_records_no_duplicate()
    {
        File.WriteAllText(Zshrc, "v1\n");
        _recorder.Record(Zshrc);
        _store.Dispose();

        _store = OpenStore();
        _recorder = NewRecorder(contentCap: 1024);

        Assert.Null(_recorder.Record(Zshrc));
        File.WriteAllText(Zshrc, "v2\n");
        Assert.IsType<FileChanged>(_recorder.Record(Zshrc)!.Data);
        Assert.Equal([1L, 2], _store.ReadStream("file:" + Zshrc).Select(e => e.Version));
    }

    [Fact]
    public void An_append_expects_the_version_its_decision_was_made_from_and_a_stale_state_is_read_again()
    {
        File.WriteAllText(Zshrc, "v1\n");
        _recorder.Record(Zshrc);
        // A newer GoWatch wrote an event this version does not know into the stream: the fold skips it.
        _store.Append(new AppendRequest("file:" + Zshrc, ExpectedVersion.Any,
            [new GoWatch.Events.NewEvent(new UnknownEvent("FileTouched", System.Text.Json.JsonDocument.Parse("{}").RootElement), GoWatch.Events.EventSources.Daemon)]));
        File.WriteAllText(Zshrc, "v2\n");

        var changed = _recorder.Record(Zshrc);

        Assert.IsType<FileChanged>(changed!.Data);
        Assert.Equal(3, changed.Version);
        Assert.Equal(3, _store.Count);
    }

    [Fact]
    public void Fish_conf_d_files_are_in_the_catalogue_by_pattern()
    {
        var confd = _tree.HomePath(".config/fish/conf.d");
        Directory.CreateDirectory(confd);
        File.WriteAllText(Path.Combine(confd, "go.fish"), "set -gx GOPATH ~/go\n");
        File.WriteAllText(Path.Combine(confd, "notes.txt"), "not fish\n");

        Assert.NotNull(_recorder.Record(Path.Combine(confd, "go.fish")));
        Assert.Null(_recorder.Record(Path.Combine(confd, "notes.txt")));
    }
}
