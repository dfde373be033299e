using System.Diagnostics;
using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;

namespace GoWatch.EndToEnd.Tests.Trust;

/// <summary>
/// What GoWatch records and does is only as strong as what it saw, with the real daemon and CLI:
/// a first sighting is a baseline, a revert never deletes what the user always had, doctor with
/// the daemon down blames the change it finds, the daemon waits for a CLI that holds the store,
/// and a kill -9 is visible at the next start.
/// </summary>
public sealed class NoEventLiesTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string Zshrc => _h.HomePath(".zshrc");

    private IReadOnlyList<EventEnvelope> All() => new SocketClient(_h.SocketPath).TryQuery(new EventQuery { Ascending = true }) ?? [];

    [Fact]
    public void Watch_add_on_a_project_with_a_go_mod_records_a_baseline_and_revert_of_it_refuses_and_keeps_the_file()
    {
        // Given a project whose go.mod the user always had, and the daemon running
        var project = _h.HomePath("code/service");
        Directory.CreateDirectory(project);
        var goMod = Path.Combine(project, "go.mod");
        File.WriteAllText(goMod, "module example.com/service\n\ngo 1.22\n");
        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\n");
        using var daemon = _h.StartDaemon();

        // When the project is added
        Assert.Equal(0, _h.Cli("watch", "add", project).ExitCode);
        var first = _h.WaitForEvent(e => e.Data is IFileEvent f && f.Path == goMod, TimeSpan.FromSeconds(10));

        // Then its go.mod is a baseline, and a revert of that refuses (exit 3) and leaves go.mod alone
        Assert.IsType<FileObserved>(first!.Data);
        Assert.IsType<FileObserved>(Assert.Single(All(), e => e.Data is IFileEvent f && f.Path == Zshrc).Data);
        var revert = _h.Cli("revert", first.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), "--yes");
        Assert.Equal(3, revert.ExitCode);
        Assert.Contains("baseline", revert.Stderr + revert.Stdout);
        Assert.Equal("module example.com/service\n\ngo 1.22\n", File.ReadAllText(goMod));
        Assert.DoesNotContain(All(), e => e.Data is FileCreated);
    }

    [Fact]
    public void A_file_created_while_the_daemon_watches_is_a_creation_and_only_that_one_may_be_removed_by_a_revert()
    {
        using var daemon = _h.StartDaemon();

        File.WriteAllText(_h.HomePath(".zshenv"), "export GO111MODULE=off\n");
        var created = _h.WaitForEvent(e => e.Data is FileCreated c && c.Path == _h.HomePath(".zshenv"), TimeSpan.FromSeconds(10));

        Assert.True(((FileCreated)created!.Data).Witnessed);
        Assert.Equal(0, _h.Cli("revert", created.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), "--yes").ExitCode);
        Assert.False(File.Exists(_h.HomePath(".zshenv")));
    }

    [Fact]
    public void Doctor_with_the_daemon_down_records_the_edit_first_and_blames_it_not_an_older_change()
    {
        // Given a recorded history: a baseline, then a comment-only change, then the daemon stopped
        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\n");
        var daemon = _h.StartDaemon();
        File.AppendAllText(Zshrc, "# tidy\n");
        var comment = _h.WaitForEvent(e => e.Data is FileChanged c && c.Path == Zshrc, TimeSpan.FromSeconds(10));
        Assert.NotNull(comment);
        daemon.StopCleanly();

        // When PATH is wiped while the daemon is down, and doctor runs
        File.AppendAllText(Zshrc, "export PATH=$GOROOT/bin\n");
        var doctor = _h.Cli("doctor", "--json");

        // Then the edit is recorded before the verification, and the drift blames it
        Assert.Equal(1, doctor.ExitCode);
        var events = StoreAudit.Directly(_h);
        var edit = events.Last(e => e.Data is FileChanged c && c.Path == Zshrc);
        Assert.True(edit.Position > comment!.Position);
        var drift = events.Single(e => e.Data is DriftDetected { CheckId: "path.broken" });
        Assert.Equal(edit.Position, ((DriftDetected)drift.Data).CausedBy);
        Assert.Equal("cli", edit.Source);
        var status = _h.Cli("status");
        Assert.Contains("path.broken", status.Stdout);
    }

    [Fact]
    public void Doctor_with_the_daemon_down_records_a_change_to_the_go_env_file_the_shell_moved_and_blames_it()
    {
        // Given a login shell that moves Go's env file with GOENV, and a doctor run that saw it as it was
        var moved = _h.HomePath("go/env");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        File.WriteAllText(moved, "GOPROXY=https://proxy.golang.org,direct\n");
        File.WriteAllText(Zshrc, "export GOENV=$HOME/go/env\n");
        _h.Cli("doctor", "--json");
        var baseline = Assert.Single(StoreAudit.Directly(_h), e => e.Data is IFileEvent f && f.Path == moved);
        Assert.IsType<FileObserved>(baseline.Data);

        // When `go env -w GO111MODULE=off` writes into that file, and doctor runs again
        File.AppendAllText(moved, "GO111MODULE=off\n");
        var doctor = _h.Cli("doctor", "--json");

        // Then the change to the moved file is recorded before the verification, and modules.off blames it
        Assert.Contains("modules.off", doctor.Stdout);
        var events = StoreAudit.Directly(_h);
        var edit = events.Single(e => e.Data is FileChanged c && c.Path == moved);
        var drift = events.Single(e => e.Data is DriftDetected { CheckId: "modules.off" });
        Assert.Equal(edit.Position, ((DriftDetected)drift.Data).CausedBy);

        // And that change reverts with the daemon still down: the file was recorded as Go's env file
        var revert = _h.Cli("revert", edit.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), "--yes");
        Assert.True(revert.ExitCode == 0, revert.ToString());
        Assert.Equal("GOPROXY=https://proxy.golang.org,direct\n", File.ReadAllText(moved));
        var reverted = Assert.Single(StoreAudit.Directly(_h), e => e.Data is FileReverted r && r.Path == moved && r.RevertedPosition == edit.Position);

        // And reverting the revert brings back what it replaced, as its message says
        var back = _h.Cli("revert", reverted.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), "--yes");
        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.Equal("GOPROXY=https://proxy.golang.org,direct\nGO111MODULE=off\n", File.ReadAllText(moved));
    }

    [Fact]
    public void The_daemon_starts_while_a_cli_command_holds_the_store_for_a_moment()
    {
        Directory.CreateDirectory(_h.DataDir);
        // Given another process holding the store (as a `gowatch history` run does), letting go after 2 s
        var holder = LiteDbEventStore.Open(Path.Combine(_h.DataDir, "events.db"), Path.Combine(_h.DataDir, "gowatch.lock"));
        var release = Task.Run(async () =>
        {
            await Task.Delay(2000);
            holder.Dispose();
        });

        // When the daemon starts, it waits rather than exiting
        using var daemon = _h.StartDaemon();

        Assert.True(release.IsCompleted);
        Assert.False(daemon.HasExited);
    }

    [Fact]
    public void A_daemon_that_cannot_get_the_store_names_who_holds_it()
    {
        Directory.CreateDirectory(_h.DataDir);
        using var holder = LiteDbEventStore.Open(Path.Combine(_h.DataDir, "events.db"), Path.Combine(_h.DataDir, "gowatch.lock"));

        var clock = Stopwatch.StartNew();
        var refused = _h.RunDaemonToExit();

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"pid {Environment.ProcessId}", refused.Stdout + refused.Stderr);
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(5), $"gave up after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void Deleting_the_lock_file_does_not_let_a_second_daemon_write_the_store()
    {
        using var first = _h.StartDaemon();
        File.Delete(Path.Combine(_h.DataDir, "gowatch.lock"));

        var second = _h.RunDaemonToExit();

        Assert.Equal(1, second.ExitCode);
        Assert.False(first.HasExited);
        Assert.Single(All(), e => e.Data is DaemonStarted);
    }

    [Fact]
    public void After_a_kill_9_the_next_start_says_the_previous_run_crashed_and_after_a_clean_stop_it_does_not()
    {
        var daemon = _h.StartDaemon();
        daemon.StopCleanly();
        daemon = _h.StartDaemon();
        daemon.Crash();
        using var third = _h.StartDaemon();

        var starts = All().Where(e => e.Data is DaemonStarted).Select(e => ((DaemonStarted)e.Data).PreviousRun).ToList();

        Assert.Equal([null, DaemonStarted.Stopped, DaemonStarted.Crashed], starts);
    }
}
