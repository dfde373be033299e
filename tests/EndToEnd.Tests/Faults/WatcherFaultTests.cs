using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;

namespace GoWatch.EndToEnd.Tests.Faults;

/// <summary>The watchers lose their footing (directories go away or change identity, the event queue overflows, editors rename); nothing is missed.</summary>
public sealed class WatcherFaultTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string ConfD => _h.HomePath(".config/fish/conf.d");

    private EventEnvelope WaitFor(Func<EventEnvelope, bool> match, DaemonProcess daemon, string what, int seconds = 15) =>
        _h.WaitForEvent(match, TimeSpan.FromSeconds(seconds))
        ?? throw new Xunit.Sdk.XunitException($"no {what} within {seconds} s\n{string.Join("\n", StoreAudit.ThroughDaemon(_h).Select(e => $"{e.Position} {e.Type} {e.Stream}"))}\n{daemon.Output}");

    /// <summary>Waits until every path's current content is what its stream records last (the watcher, or a rescan, caught up).</summary>
    private void WaitUntilRecorded(IReadOnlyList<string> paths, DaemonProcess daemon, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var events = StoreAudit.ThroughDaemon(_h);
            try
            {
                StoreAudit.AssertFinalContentRecorded(events, paths);
                return;
            }
            catch (Xunit.Sdk.XunitException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                throw new Xunit.Sdk.XunitException(ex.Message + "\n" + daemon.Output);
            }
        }
    }

    [Fact]
    public void A_watched_directory_deleted_and_recreated_with_a_new_file_is_rearmed_and_records_the_deletion_the_new_file_and_later_edits()
    {
        // Given conf.d with one fish file, recorded
        Directory.CreateDirectory(ConfD);
        var old = Path.Combine(ConfD, "old.fish");
        File.WriteAllText(old, "set -gx GOPATH ~/go\n");
        using var daemon = _h.StartDaemon();

        // When conf.d is removed and created again with another file
        Directory.Delete(ConfD, recursive: true);
        WaitFor(e => e.Data is FileDeleted d && d.Path == old, daemon, "FileDeleted for old.fish");
        Directory.CreateDirectory(ConfD);
        var fresh = Path.Combine(ConfD, "new.fish");
        File.WriteAllText(fresh, "set -gx GOBIN ~/go/bin\n");

        // Then the new file is recorded, and the re-armed watcher sees its next edit too
        WaitFor(e => e.Data is FileCreated c && c.Path == fresh, daemon, "FileCreated for new.fish");
        File.AppendAllText(fresh, "fish_add_path $GOBIN\n");
        WaitFor(e => e.Data is FileChanged c && c.Path == fresh, daemon, "FileChanged for new.fish after the re-arm", seconds: 5);
        var events = StoreAudit.ThroughDaemon(_h);
        StoreAudit.AssertConsistent(events);
        StoreAudit.AssertFinalContentRecorded(events, [old, fresh]);
        Assert.False(daemon.HasExited);
    }

    [Fact]
    public void A_watched_directory_replaced_by_a_symlink_to_another_directory_records_the_files_it_now_shows_and_their_edits()
    {
        // Given conf.d as a real directory, and a dotfiles directory elsewhere holding two fish files
        Directory.CreateDirectory(ConfD);
        var mine = Path.Combine(ConfD, "mine.fish");
        File.WriteAllText(mine, "set -gx GOPATH ~/go\n");
        var dotfiles = _h.HomePath("dotfiles/fish");
        Directory.CreateDirectory(dotfiles);
        File.WriteAllText(Path.Combine(dotfiles, "go.fish"), "set -gx GOROOT /usr/local/go\n");
        File.WriteAllText(Path.Combine(dotfiles, "path.fish"), "fish_add_path /usr/local/go/bin\n");
        using var daemon = _h.StartDaemon();

        // When conf.d is swapped for a symlink to the dotfiles directory (what a dotfiles manager does)
        Directory.Move(ConfD, ConfD + ".bak");
        Directory.CreateSymbolicLink(ConfD, dotfiles);

        // Then the file that went away and the files that appeared are recorded under conf.d
        var viaLink = new[] { Path.Combine(ConfD, "go.fish"), Path.Combine(ConfD, "path.fish") };
        WaitFor(e => e.Data is FileDeleted d && d.Path == mine, daemon, "FileDeleted for mine.fish");
        foreach (var path in viaLink)
        {
            WaitFor(e => e.Data is FileCreated c && c.Path == path, daemon, $"FileCreated for {path}");
        }

        // And an edit made in the symlink's target is seen through it
        File.AppendAllText(Path.Combine(dotfiles, "go.fish"), "set -gx GO111MODULE on\n");
        WaitFor(e => e.Data is FileChanged c && c.Path == viaLink[0], daemon, "FileChanged through the symlink");
        StoreAudit.AssertConsistent(StoreAudit.ThroughDaemon(_h));
        WaitUntilRecorded([mine, .. viaLink], daemon);
    }

    [Fact]
    public void Five_thousand_files_created_at_once_with_watched_edits_in_the_middle_miss_nothing()
    {
        // Given a recorded .zshrc and conf.d
        var zshrc = _h.HomePath(".zshrc");
        File.WriteAllText(zshrc, "export GOPATH=$HOME/go\n");
        Directory.CreateDirectory(ConfD);
        using var daemon = _h.StartDaemon();

        // When 5,000 files land in the watched home directory and conf.d as fast as possible,
        // with .zshrc edited and fish files added in the middle of the flood
        var fishFiles = new List<string>();
        for (var i = 0; i < 5000; i++)
        {
            File.WriteAllText(_h.HomePath($"flood-{i:D4}.txt"), "x");
            File.WriteAllText(Path.Combine(ConfD, $"junk-{i:D4}.txt"), "y");
            if (i == 2500)
            {
                File.WriteAllText(zshrc, "export GOPATH=$HOME/go\nexport PATH=$PATH:$GOPATH/bin\n");
            }
            if (i % 250 == 125)
            {
                var fish = Path.Combine(ConfD, $"f{i:D4}.fish");
                File.WriteAllText(fish, $"set -gx N {i}\n");
                fishFiles.Add(fish);
            }
        }

        // Then, after any rescan, every watched file's final content is recorded once
        WaitUntilRecorded([zshrc, .. fishFiles], daemon, seconds: 60);
        Thread.Sleep(1500);
        var events = StoreAudit.ThroughDaemon(_h);
        StoreAudit.AssertConsistent(events);
        StoreAudit.AssertFinalContentRecorded(events, [zshrc, .. fishFiles]);
        Assert.Single(events, e => e.Data is FileChanged c && c.Path == zshrc);
        Assert.All(fishFiles, f => Assert.Single(events, e => e.Data is FileCreated c && c.Path == f));
        Assert.DoesNotContain(events, e => e.Path is { } p && (p.Contains("flood-", StringComparison.Ordinal) || p.Contains("junk-", StringComparison.Ordinal)));
        Assert.All(events.Where(e => e.Data is WatchError), e => Assert.True(((WatchError)e.Data).Rescanned));

        // And the watchers still work afterwards
        File.AppendAllText(zshrc, "# after the flood\n");
        WaitUntilRecorded([zshrc], daemon, seconds: 10);
    }

    [InotifyQueueFact]
    public void A_real_inotify_queue_overflow_is_recorded_and_rescanned_the_watchers_are_rearmed_and_nothing_is_missed()
    {
        // Given a recorded .zshrc and two fish files, and a daemon whose inotify queues hold 64
        // events: the kernel reads the limit when an instance is created, so it is lowered only
        // until the daemon's watchers are armed
        var zshrc = _h.HomePath(".zshrc");
        File.WriteAllText(zshrc, "export GOPATH=$HOME/go\n");
        Directory.CreateDirectory(ConfD);
        var edited = Path.Combine(ConfD, "edited.fish");
        var removed = Path.Combine(ConfD, "removed.fish");
        File.WriteAllText(edited, "set -gx GOPATH ~/go\n");
        File.WriteAllText(removed, "set -gx GOBIN ~/go/bin\n");
        DaemonProcess daemon;
        int normalQueue;
        using (var limit = InotifyQueueLimit.Lower(64))
        {
            daemon = _h.StartDaemon(whenWatching: limit.Restore);
            normalQueue = limit.Original;
        }
        Assert.Equal(normalQueue, InotifyQueueLimit.Current);

        // When, with the daemon frozen so nothing drains its queues, 200 files land in each watched
        // directory (400 events each, far fewer than a normal queue holds), and then watched files
        // change while the queues are already full, so the kernel drops their events
        var created = Enumerable.Range(0, 3).Select(i => Path.Combine(ConfD, $"new{i}.fish")).ToList();
        Assert.Equal(0, Signals.Kill(daemon.Pid, Signals.Stop));
        try
        {
            for (var i = 0; i < 200; i++)
            {
                File.WriteAllText(_h.HomePath($"flood-{i:D3}.txt"), "x");
                File.WriteAllText(Path.Combine(ConfD, $"junk-{i:D3}.txt"), "y");
            }
            File.WriteAllText(zshrc, "export GOPATH=$HOME/go\nexport PATH=$PATH:$GOPATH/bin\n");
            File.AppendAllText(edited, "fish_add_path $GOPATH/bin\n");
            File.Delete(removed);
            created.ForEach(f => File.WriteAllText(f, $"set -gx N {Path.GetFileNameWithoutExtension(f)}\n"));
        }
        finally
        {
            Signals.Kill(daemon.Pid, Signals.Cont);
        }

        // Then the overflow of both flooded directories is recorded, and the rescan records every
        // change the kernel dropped, each once
        List<string> watched = [zshrc, edited, removed, .. created];
        var overflowed = new[] { ConfD, _h.Home };
        foreach (var dir in overflowed)
        {
            WaitFor(e => e.Data is WatchError w && w.Error.Contains($"watcher failed on {dir}: event queue overflowed", StringComparison.Ordinal), daemon, $"WatchError for the queue overflow on {dir}");
        }
        WaitUntilRecorded(watched, daemon, seconds: 30);
        Thread.Sleep(1500);
        var events = StoreAudit.ThroughDaemon(_h);
        StoreAudit.AssertConsistent(events);
        StoreAudit.AssertFinalContentRecorded(events, watched);
        Assert.Single(events, e => e.Data is FileChanged c && c.Path == zshrc);
        Assert.Single(events, e => e.Data is FileChanged c && c.Path == edited);
        Assert.Single(events, e => e.Data is FileDeleted d && d.Path == removed);
        Assert.All(created, f => Assert.Single(events, e => e.Data is FileCreated c && c.Path == f));
        Assert.DoesNotContain(events, e => e.Path is { } p && (p.Contains("flood-", StringComparison.Ordinal) || p.Contains("junk-", StringComparison.Ordinal)));
        Assert.All(events.Where(e => e.Data is WatchError), e => Assert.True(((WatchError)e.Data).Rescanned));

        // And the re-armed watchers (with normal queues now) see the next changes without another rescan
        var errors = events.Count(e => e.Data is WatchError);
        var rescans = daemon.Output.Split("] Rescanning: ").Length;
        File.AppendAllText(zshrc, "# after the overflow\n");
        var later = Path.Combine(ConfD, "later.fish");
        File.WriteAllText(later, "set -gx GOFLAGS -mod=mod\n");
        var zshrcSha = StoreAudit.Sha256(zshrc);
        WaitFor(e => e.Data is FileChanged c && c.Path == zshrc && c.AfterSha256 == zshrcSha, daemon, "the edit of .zshrc after the overflow", seconds: 5);
        WaitFor(e => e.Data is FileCreated c && c.Path == later, daemon, "later.fish after the overflow", seconds: 5);
        events = StoreAudit.ThroughDaemon(_h);
        Assert.Equal(errors, events.Count(e => e.Data is WatchError));
        Assert.Equal(rescans, daemon.Output.Split("] Rescanning: ").Length);
        StoreAudit.AssertConsistent(events);
        Assert.False(daemon.HasExited);
    }

    [Fact]
    public void Editor_saves_through_temp_rename_and_vim_backup_rename_write_are_recorded_as_changes_and_never_as_deletions()
    {
        // Given a recorded .zshrc
        var zshrc = _h.HomePath(".zshrc");
        File.WriteAllText(zshrc, "# v0\n");
        using var daemon = _h.StartDaemon();

        for (var i = 1; i <= 6; i++)
        {
            var content = $"# v{i}\nexport GOPATH=$HOME/go{i}\n";
            if (i % 2 == 1)
            {
                // When VS Code / JetBrains save: write a temp file beside it, rename it over the original
                var temp = _h.HomePath($".zshrc.{i}.tmp");
                File.WriteAllText(temp, content);
                File.Move(temp, zshrc, overwrite: true);
            }
            else
            {
                // When vim saves (backupcopy=no): rename the original to a backup, write a new file, drop the backup
                var backup = _h.HomePath(".zshrc~");
                File.Move(zshrc, backup);
                File.WriteAllText(zshrc, content);
                File.Delete(backup);
            }
            // Then each save is recorded as one change with the saved content
            var sha = StoreAudit.Sha256(zshrc);
            WaitFor(e => e.Data is FileChanged c && c.Path == zshrc && c.AfterSha256 == sha, daemon, $"the change of save {i}", seconds: 10);
        }

        Thread.Sleep(1000);
        var events = StoreAudit.ThroughDaemon(_h);
        var stream = events.Where(e => e.Stream == Streams.File(zshrc)).Select(e => e.Type).ToList();
        Assert.Equal(["FileObserved", .. Enumerable.Repeat("FileChanged", 6)], stream);
        Assert.DoesNotContain(events, e => e.Path is { } p && p != zshrc && p.StartsWith(_h.HomePath(".zshrc"), StringComparison.Ordinal));
        StoreAudit.AssertConsistent(events);
    }
}
