using System.Text;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Recording.Revert;
using GoWatch.Recording.Tests.Support;

namespace GoWatch.Recording.Tests.Revert;

/// <summary>The reverter against a real LiteDB store and real files in a temp HOME.</summary>
public sealed class FileReverterTests : IDisposable
{
    private const string Good = "export PATH=$HOME/go/bin:$PATH\n";
    private const string Bad = "export PATH=$GOROOT/bin\n";

    private readonly RevertScenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public void Reverting_a_change_restores_the_content_before_it_and_records_it()
    {
        // Given a recorded good version and a recorded bad edit
        _s.Edit(_s.Zshrc, Good);
        var bad = _s.Edit(_s.Zshrc, Bad);

        // When the bad edit is reverted
        var result = _s.Revert(bad);

        // Then the file is back and one FileReverted names the edit, the restored and the replaced content
        Assert.Equal(RevertStatus.Reverted, result.Status);
        Assert.Equal(Good, File.ReadAllText(_s.Zshrc));
        var reverted = Assert.IsType<FileReverted>(_s.Stream(_s.Zshrc)[^1].Data);
        Assert.Equal(new FileReverted(_s.Zshrc, bad, RevertScenario.Sha(Good), RevertScenario.Sha(Bad)), reverted);
        Assert.Equal(EventSources.Cli, _s.Stream(_s.Zshrc)[^1].Source);
        Assert.Equal(result.RecordedPosition, _s.Stream(_s.Zshrc)[^1].Position);
    }

    [Fact]
    public void Reverting_keeps_the_file_mode_and_leaves_no_temp_file_behind()
    {
        _s.Edit(_s.Zshrc, Good);
        var bad = _s.Edit(_s.Zshrc, Bad);
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead;
        File.SetUnixFileMode(_s.Zshrc, mode);

        _s.Revert(bad);

        Assert.Equal(mode, File.GetUnixFileMode(_s.Zshrc));
        Assert.Equal([_s.Zshrc], Directory.GetFiles(_s.Tree.Home));
    }

    [Fact]
    public void Reverting_the_recorder_sees_no_change_of_its_own()
    {
        _s.Edit(_s.Zshrc, Good);
        var bad = _s.Edit(_s.Zshrc, Bad);

        _s.Recorder.Exclusive(() => _s.Revert(bad));

        Assert.Null(_s.Recorder.Record(_s.Zshrc));
        Assert.IsType<FileReverted>(_s.Stream(_s.Zshrc)[^1].Data);
    }

    [Fact]
    public void Reverting_a_file_changed_since_is_refused_and_nothing_is_written()
    {
        _s.Edit(_s.Zshrc, Good);
        var bad = _s.Edit(_s.Zshrc, Bad);
        File.AppendAllText(_s.Zshrc, "alias gs='git status'\n");
        var events = _s.Store.Count;

        var result = _s.Revert(bad);

        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.Contains("edited since event", result.Message);
        Assert.Contains("+1", result.Message);
        Assert.Equal(Bad + "alias gs='git status'\n", File.ReadAllText(_s.Zshrc));
        Assert.Equal(events, _s.Store.Count);
    }

    [Fact]
    public void Reverting_an_older_change_that_later_recorded_changes_followed_is_refused()
    {
        _s.Edit(_s.Zshrc, Good);
        var bad = _s.Edit(_s.Zshrc, Bad);
        _s.Edit(_s.Zshrc, Bad + "export GOPATH=$HOME/go\n");

        var result = _s.Revert(bad);

        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.Contains("1 later event(s)", result.Message);
    }

    [Fact]
    public void Forcing_a_revert_of_a_file_changed_since_keeps_the_replaced_content_as_a_backup()
    {
        _s.Edit(_s.Zshrc, Good);
        var bad = _s.Edit(_s.Zshrc, Bad);
        var edited = Bad + "export GOFLAGS=-mod=mod\n";
        File.WriteAllText(_s.Zshrc, edited);

        var result = _s.Revert(bad, force: true);

        Assert.Equal(RevertStatus.Reverted, result.Status);
        Assert.Equal(Good, File.ReadAllText(_s.Zshrc));
        var reverted = Assert.IsType<FileReverted>(_s.Stream(_s.Zshrc)[^1].Data);
        Assert.Equal(RevertScenario.Sha(edited), reverted.BackupSha256);
        Assert.Equal(edited, Encoding.UTF8.GetString(_s.Store.Get(reverted.BackupSha256!)!));
    }

    [Fact]
    public void Reverting_a_creation_removes_the_file()
    {
        var created = _s.Create(_s.HomePath(".zshenv"), "export GO111MODULE=off\n");

        var result = _s.Revert(created);

        Assert.Equal(RevertStatus.Reverted, result.Status);
        Assert.False(File.Exists(_s.HomePath(".zshenv")));
        var reverted = Assert.IsType<FileReverted>(_s.Stream(_s.HomePath(".zshenv"))[^1].Data);
        Assert.Null(reverted.ToSha256);
        Assert.Equal(RevertScenario.Sha("export GO111MODULE=off\n"), reverted.BackupSha256);
    }

    [Fact]
    public void Reverting_the_first_sighting_of_a_file_the_user_always_had_is_refused_and_keeps_the_file()
    {
        var observed = _s.Edit(_s.HomePath(".zshenv"), "export GOPATH=$HOME/go\n");
        Assert.IsType<FileObserved>(_s.Store.Get(observed)!.Data);

        var result = _s.Revert(observed, force: true);

        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.Contains("baseline", result.Message);
        Assert.Equal("export GOPATH=$HOME/go\n", File.ReadAllText(_s.HomePath(".zshenv")));
        Assert.IsType<FileObserved>(_s.Stream(_s.HomePath(".zshenv"))[^1].Data);
    }

    [Fact]
    public void A_creation_recorded_by_an_older_version_never_deletes_the_file()
    {
        var path = _s.HomePath(".zshenv");
        File.WriteAllText(path, "export GO111MODULE=on\n");
        // Older versions recorded a first sighting as FileCreated without saying whether it was seen.
        var legacy = _s.Tamper(new FileCreated(path, RevertScenario.Sha("export GO111MODULE=on\n"), 23, true, "shell-startup"));

        var result = _s.Revert(legacy, force: true);

        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Reverting_a_deletion_recreates_the_file()
    {
        _s.Edit(_s.Zshrc, Good);
        var deleted = _s.Delete(_s.Zshrc);

        var result = _s.Revert(deleted);

        Assert.Equal(RevertStatus.Reverted, result.Status);
        Assert.Equal(Good, File.ReadAllText(_s.Zshrc));
        Assert.Null(((FileReverted)_s.Stream(_s.Zshrc)[^1].Data).BackupSha256);
    }

    [Fact]
    public void Reverting_a_revert_brings_back_what_it_replaced()
    {
        _s.Edit(_s.Zshrc, Good);
        var bad = _s.Edit(_s.Zshrc, Bad);
        var revert = _s.Revert(bad).RecordedPosition!.Value;

        var result = _s.Revert(revert);

        Assert.Equal(RevertStatus.Reverted, result.Status);
        Assert.Equal(Bad, File.ReadAllText(_s.Zshrc));
    }

    [Fact]
    public void A_dry_run_describes_the_revert_and_writes_nothing()
    {
        _s.Edit(_s.Zshrc, Good);
        var bad = _s.Edit(_s.Zshrc, Bad);
        var events = _s.Store.Count;

        var result = _s.Revert(bad, dryRun: true);

        Assert.Equal(RevertStatus.Planned, result.Status);
        Assert.Equal(Bad, Encoding.UTF8.GetString(result.Plan!.CurrentContent!));
        Assert.Equal(Good, Encoding.UTF8.GetString(result.Plan.TargetContent!));
        Assert.Equal(Bad, File.ReadAllText(_s.Zshrc));
        Assert.Equal(events, _s.Store.Count);
    }

    [Fact]
    public void A_confirmed_revert_is_refused_when_the_file_changed_after_the_preview()
    {
        _s.Edit(_s.Zshrc, Good);
        var bad = _s.Edit(_s.Zshrc, Bad);
        var preview = _s.Revert(bad, dryRun: true).Plan!;
        File.WriteAllText(_s.Zshrc, "something else\n");

        var result = _s.Revert(new RevertRequest(bad) { Force = true, ExpectCurrent = true, ExpectedCurrentSha256 = preview.CurrentSha256 });

        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.Equal("something else\n", File.ReadAllText(_s.Zshrc));
    }

    [Fact]
    public void A_tampered_event_for_a_file_outside_the_catalogue_is_refused_and_nothing_is_written()
    {
        // Given a "passwd" the catalogue does not name and a forged change of it
        var passwd = _s.SystemPath("/etc/passwd");
        Directory.CreateDirectory(Path.GetDirectoryName(passwd)!);
        File.WriteAllText(passwd, "root:x:0:0::/root:/bin/sh\n");
        var blob = _s.Store.Put(Encoding.UTF8.GetBytes("root::0:0::/root:/bin/sh\n"));
        var forged = _s.Tamper(new FileChanged(passwd, blob, RevertScenario.Sha("root:x:0:0::/root:/bin/sh\n"), 1, 1, 26, true, "shell-startup"));

        var result = _s.Revert(forged, force: true);

        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.Contains("not in the catalogue", result.Message);
        Assert.Equal("root:x:0:0::/root:/bin/sh\n", File.ReadAllText(passwd));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(passwd)!));
    }

    [Fact]
    public void A_system_shell_file_is_never_reverted()
    {
        var zshrc = _s.SystemPath("/etc/zshrc");
        _s.Edit(zshrc, "a\n");
        var changed = _s.Edit(zshrc, "b\n");

        var result = _s.Revert(changed, force: true);

        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.Contains("only watches", result.Message);
        Assert.Equal("b\n", File.ReadAllText(zshrc));
    }

    [Fact]
    public void An_event_whose_path_is_not_normalised_or_not_its_stream_is_refused()
    {
        File.WriteAllText(_s.Zshrc, "x\n");
        var blob = _s.Store.Put(Encoding.UTF8.GetBytes("y\n"));
        var dotted = _s.HomePath("sub/../.zshrc");
        var traversal = _s.Tamper(new FileChanged(dotted, blob, RevertScenario.Sha("x\n"), 1, 1, 2, true, "shell-startup"));
        var elsewhere = _s.Tamper(new FileChanged(_s.Zshrc, blob, RevertScenario.Sha("x\n"), 1, 1, 2, true, "shell-startup"), stream: "file:/etc/passwd");

        Assert.Equal(RevertStatus.Refused, _s.Revert(traversal, force: true).Status);
        Assert.Equal(RevertStatus.Refused, _s.Revert(elsewhere, force: true).Status);
        Assert.Equal("x\n", File.ReadAllText(_s.Zshrc));
    }

    [Fact]
    public void A_symlink_leading_outside_the_catalogue_is_refused()
    {
        var outside = Path.Combine(_s.Tree.Root, "outside.txt");
        File.WriteAllText(outside, "secret-ish\n");
        var good = _s.Edit(_s.Zshrc, Good);
        _s.Edit(_s.Zshrc, Bad);
        File.Delete(_s.Zshrc);
        File.CreateSymbolicLink(_s.Zshrc, outside);
        var changed = _s.Recorder.Record(_s.Zshrc)!.Position;

        var result = _s.Revert(changed, force: true);

        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.Contains("symlink", result.Message);
        Assert.Equal("secret-ish\n", File.ReadAllText(outside));
        Assert.NotNull(new FileInfo(_s.Zshrc).LinkTarget);
        Assert.True(good > 0);
    }

    [Fact]
    public void A_symlink_to_another_revertible_file_is_written_through()
    {
        var profile = _s.HomePath(".profile");
        _s.Edit(profile, Good);
        File.CreateSymbolicLink(_s.HomePath(".bash_profile"), profile);
        _s.Recorder.Record(_s.HomePath(".bash_profile"));
        File.WriteAllText(profile, Bad);
        var bad = _s.Recorder.Record(_s.HomePath(".bash_profile"))!.Position;

        var result = _s.Revert(bad);

        Assert.Equal(RevertStatus.Reverted, result.Status);
        Assert.Equal(Good, File.ReadAllText(profile));
        Assert.NotNull(new FileInfo(_s.HomePath(".bash_profile")).LinkTarget);
    }

    [Fact]
    public void Unknown_positions_and_events_that_are_not_about_files_are_told_apart()
    {
        var daemon = _s.Store.Append(new GoWatch.Events.Store.AppendRequest(Streams.Daemon, GoWatch.Events.Store.ExpectedVersion.Any,
            [new NewEvent(new DaemonStarted(1, "1.0.0", "linux", "amd64", 0), EventSources.Daemon)])).Events[0].Position;

        Assert.Equal(RevertStatus.UnknownPosition, _s.Revert(4242).Status);
        Assert.Equal(RevertStatus.NotFileEvent, _s.Revert(daemon).Status);
    }

    [Fact]
    public void Reverting_to_content_the_file_already_has_does_nothing()
    {
        _s.Edit(_s.Zshrc, Good);
        var bad = _s.Edit(_s.Zshrc, Bad);
        File.WriteAllText(_s.Zshrc, Good);
        var events = _s.Store.Count;

        var result = _s.Revert(bad, force: true);

        Assert.Equal(RevertStatus.NothingToDo, result.Status);
        Assert.Equal(events, _s.Store.Count);
    }
}
