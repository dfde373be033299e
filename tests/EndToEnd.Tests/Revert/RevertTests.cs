using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;

namespace GoWatch.EndToEnd.Tests.Revert;

/// <summary><c>gowatch revert</c> with the real gowatchd running (it writes and records) and stopped (the CLI does).</summary>
public sealed class RevertTests : IDisposable
{
    private const string Good = "export GOPATH=$HOME/go\nexport PATH=$PATH:$GOPATH/bin\n";
    private const string Bad = "export GOPATH=$HOME/go\nexport PATH=$GOROOT/bin\n";
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string Zshrc => _h.HomePath(".zshrc");

    private static string P(long position) => position.ToString(CultureInfo.InvariantCulture);

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Given a recorded good .zshrc (mode 0640), when a bad edit is recorded, returns its position.</summary>
    private long GivenARecordedBadEdit()
    {
        File.WriteAllText(Zshrc, Good);
        File.SetUnixFileMode(Zshrc, Mode);
        Assert.NotNull(_h.WaitForEvent(e => e.Type == "FileCreated" && e.Path == Zshrc, TimeSpan.FromSeconds(10)));
        File.WriteAllText(Zshrc, Bad);
        return _h.WaitForEvent(e => e.Data is FileChanged c && c.Path == Zshrc && c.AfterSha256 == Sha(Bad), TimeSpan.FromSeconds(10))?.Position
            ?? throw new TimeoutException("the bad edit was not recorded");
    }

    private IReadOnlyList<EventEnvelope> ZshrcStream() =>
        new SocketClient(_h.SocketPath).TryQuery(new EventQuery { Stream = Streams.File(Zshrc), Ascending = true }) ?? throw new InvalidOperationException("gowatchd does not answer");

    private LiteDbEventStore OpenStoreDirectly() =>
        LiteDbEventStore.Open(Path.Combine(_h.DataDir, "events.db"), Path.Combine(_h.DataDir, "gowatch.lock"));

    [Fact]
    public void Reverting_a_bad_edit_through_the_daemon_restores_the_file_exactly_and_records_one_FileReverted()
    {
        using var daemon = _h.StartDaemon();
        var bad = GivenARecordedBadEdit();

        var result = _h.Cli("revert", P(bad), "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(Good), File.ReadAllBytes(Zshrc));
        Assert.Equal(Mode, File.GetUnixFileMode(Zshrc));
        Thread.Sleep(1000); // longer than the debounce: a stray FileChanged would be recorded by now
        var stream = ZshrcStream();
        var reverted = Assert.Single(stream, e => e.Data is FileReverted);
        Assert.Equal("daemon", reverted.Source);
        Assert.Equal(new FileReverted(Zshrc, bad, Sha(Good), Sha(Bad)), reverted.Data);
        Assert.DoesNotContain(stream, e => e.Position > reverted.Position);
        var history = _h.Cli("history", "--path", "~/.zshrc");
        Assert.Contains("FileChanged", history.Stdout);
        Assert.Contains("FileReverted", history.Stdout);
        Assert.Contains($"restored to before #{bad}", history.Stdout);

        // Reverting the revert brings the bad edit back, again without a stray change.
        var again = _h.Cli("revert", P(reverted.Position), "--yes");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(Bad, File.ReadAllText(Zshrc));
        Thread.Sleep(1000);
        var after = ZshrcStream();
        Assert.Equal(2, after.Count(e => e.Data is FileReverted));
        Assert.IsType<FileReverted>(after[^1].Data);
        daemon.Stop();
    }

    [Fact]
    public void A_file_edited_after_the_event_is_refused_and_force_reverts_it_keeping_a_backup()
    {
        using var daemon = _h.StartDaemon();
        var bad = GivenARecordedBadEdit();
        var edited = Bad + "alias gs='git status'\n";
        File.WriteAllText(Zshrc, edited);

        var refused = _h.Cli("revert", P(bad), "--yes");

        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.Contains("since event", refused.Stderr);
        Assert.Equal(edited, File.ReadAllText(Zshrc));

        var forced = _h.Cli("revert", P(bad), "--yes", "--force");

        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(Good, File.ReadAllText(Zshrc));
        Thread.Sleep(1000);
        var reverted = (FileReverted)ZshrcStream()[^1].Data;
        Assert.Equal(Sha(edited), reverted.BackupSha256);
        daemon.Stop();
        using var store = OpenStoreDirectly();
        Assert.Equal(edited, Encoding.UTF8.GetString(store.Get(reverted.BackupSha256!)!));
    }

    [Fact]
    public void A_tampered_event_pointing_outside_the_revertible_catalogue_is_refused_and_nothing_is_written()
    {
        // Given forged events for a passwd file under the system root and a file GoWatch never watched
        var passwd = Path.Combine(_h.SystemRoot, "etc", "passwd");
        var notes = Path.Combine(_h.Root, "notes.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(passwd)!);
        File.WriteAllText(passwd, "root:x:0:0::/root:/bin/sh\n");
        File.WriteAllText(notes, "mine\n");
        long forgedPasswd, forgedNotes;
        using (var store = OpenStoreDirectly())
        {
            var before = store.Put("root::0:0::/root:/bin/sh\n"u8);
            forgedPasswd = Forge(store, new FileChanged(passwd, before, Sha("root:x:0:0::/root:/bin/sh\n"), 1, 1, 26, true, "shell-startup"));
            forgedNotes = Forge(store, new FileChanged(notes, before, Sha("mine\n"), 1, 1, 5, true, "shell-startup"));
        }

        var direct = _h.Cli("revert", P(forgedPasswd), "--yes", "--force");
        using var daemon = _h.StartDaemon();
        var throughDaemon = _h.Cli("revert", P(forgedPasswd), "--yes", "--force");
        var notInCatalogue = _h.Cli("revert", P(forgedNotes), "--yes", "--force");

        Assert.True(direct.ExitCode == 3, direct.ToString());
        Assert.True(throughDaemon.ExitCode == 3, throughDaemon.ToString());
        Assert.True(notInCatalogue.ExitCode == 3, notInCatalogue.ToString());
        Assert.Contains("not in the catalogue", throughDaemon.Stderr);
        Assert.Equal("root:x:0:0::/root:/bin/sh\n", File.ReadAllText(passwd));
        Assert.Equal("mine\n", File.ReadAllText(notes));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(passwd)!));
        Assert.Empty(new SocketClient(_h.SocketPath).TryQuery(new EventQuery { Types = ["FileReverted"] })!);
        daemon.Stop();
    }

    [Fact]
    public void Without_a_terminal_and_without_yes_the_revert_is_refused_at_once()
    {
        using var daemon = _h.StartDaemon();
        var bad = GivenARecordedBadEdit();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = _h.Cli("revert", P(bad));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Contains("--yes", result.Stderr);
        Assert.Equal(Bad, File.ReadAllText(Zshrc));
        Assert.DoesNotContain(ZshrcStream(), e => e.Data is FileReverted);
        daemon.Stop();
    }

    [Fact]
    public void With_the_daemon_down_the_cli_reverts_and_records_it_and_the_daemon_then_records_nothing_more()
    {
        long bad;
        using (var daemon = _h.StartDaemon())
        {
            bad = GivenARecordedBadEdit();
            daemon.Stop();
        }

        var dryRun = _h.Cli("revert", P(bad), "--dry-run");
        var result = _h.Cli("revert", P(bad), "--yes");

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains("+export PATH=$PATH:$GOPATH/bin", dryRun.Stdout);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Good, File.ReadAllText(Zshrc));
        Assert.Equal(Mode, File.GetUnixFileMode(Zshrc));

        using var again = _h.StartDaemon();
        Thread.Sleep(1000);
        var stream = ZshrcStream();
        var reverted = Assert.Single(stream, e => e.Data is FileReverted);
        Assert.Equal("cli", reverted.Source);
        Assert.Equal(reverted.Position, stream[^1].Position);
        var shown = JsonDocument.Parse(_h.Cli("show", P(reverted.Position), "--json").Stdout).RootElement;
        Assert.Equal(bad, shown.GetProperty("data").GetProperty("revertedPosition").GetInt64());
        again.Stop();
    }

    private static long Forge(LiteDbEventStore store, IFileEvent data) =>
        store.Append(new AppendRequest(Streams.File(data.Path), ExpectedVersion.Any, [new NewEvent(data, EventSources.Daemon)])).Events[0].Position;
}
