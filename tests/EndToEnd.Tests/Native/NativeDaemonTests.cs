using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;

namespace GoWatch.EndToEnd.Tests.Native;

/// <summary>
/// gowatchd published with native AOT, run on its own and driven by the native gowatch published
/// beside it: trimming and AOT breakage (reflection, JSON, native libraries) only shows when the
/// binary runs, so these scenarios go through the paths that use them — the store, the socket
/// API, the checks and the notifier.
/// </summary>
[Collection(NativeDaemonCollection.Name)]
public sealed class NativeDaemonTests : IDisposable
{
    private const string Healthy = "export GOPATH=$HOME/go\nexport PATH=$PATH:$GOPATH/bin\n";
    private const string Broken = "export GOPATH=$HOME/go\nexport PATH=$GOROOT/bin\n";
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    private readonly string _native;
    private readonly GoWatchHarness _h;

    public NativeDaemonTests(NativeDaemonBuild build)
    {
        _native = build.Executable;
        _h = new GoWatchHarness { Daemon = _native, CliExecutable = build.Cli };
    }

    public void Dispose() => _h.Dispose();

    private string Zshrc => _h.HomePath(".zshrc");

    private static string P(long position) => position.ToString(CultureInfo.InvariantCulture);

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private IReadOnlyList<EventEnvelope> All() => StoreAudit.ThroughDaemon(_h);

    [Fact]
    public void The_native_executable_runs_alone_without_the_runtime_and_records_a_zshrc_change_that_history_and_diff_show()
    {
        // A native executable, with only the native gowatch beside it: no gowatchd.dll, runtimeconfig or framework
        var header = new byte[4];
        using (var file = File.OpenRead(_native))
        {
            file.ReadExactly(header);
        }
        var expected = OperatingSystem.IsMacOS() ? new byte[] { 0xCF, 0xFA, 0xED, 0xFE } : [0x7F, (byte)'E', (byte)'L', (byte)'F'];
        Assert.Equal(expected, header);
        var folder = Path.GetDirectoryName(_native)!;
        Assert.Equal(new[] { Path.Combine(folder, "gowatch"), _native }, Directory.GetFileSystemEntries(folder).Order());

        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\n");
        using var daemon = _h.StartDaemon();

        if (OperatingSystem.IsLinux())
        {
            // The process is the executable itself, not the dotnet host, and no JIT or CoreCLR is loaded.
            Assert.Equal(_native, new FileInfo($"/proc/{daemon.Pid}/exe").ResolveLinkTarget(returnFinalTarget: false)?.FullName);
            var maps = File.ReadAllText($"/proc/{daemon.Pid}/maps");
            Assert.DoesNotContain("libcoreclr", maps);
            Assert.DoesNotContain("libclrjit", maps);
        }
        var started = Assert.Single(All(), e => e.Data is DaemonStarted);
        Assert.Equal(daemon.Pid, ((DaemonStarted)started.Data).Pid);

        File.AppendAllText(Zshrc, "export GOTOOLCHAIN=local\n");
        var change = _h.WaitForEvent(e => e.Data is FileChanged c && c.Path == Zshrc, TimeSpan.FromSeconds(10));

        Assert.True(change is not null, "the change to ~/.zshrc was not recorded:\n" + daemon.Output);
        Assert.Equal(Sha("export GOPATH=$HOME/go\nexport GOTOOLCHAIN=local\n"), ((FileChanged)change.Data).AfterSha256);
        var history = _h.Cli("history", "--path", "~/.zshrc", "--json");
        Assert.True(history.ExitCode == 0, history.ToString());
        var listed = JsonDocument.Parse(history.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Contains(listed, e => e.GetProperty("position").GetInt64() == change.Position && e.GetProperty("type").GetString() == "FileChanged");
        // It was there before the daemon first ran: recorded as first seen.
        Assert.Contains(listed, e => e.GetProperty("type").GetString() == "FileObserved");
        var human = _h.Cli("history", "--path", "~/.zshrc");
        Assert.Contains("FileChanged", human.Stdout);
        // The diff needs the stored contents, read back through the daemon.
        var diff = _h.Cli("diff", P(change.Position));
        Assert.True(diff.ExitCode == 0, diff.ToString());
        Assert.Contains("+export GOTOOLCHAIN=local", diff.Stdout);

        daemon.StopCleanly();
    }

    [Fact]
    public void A_PATH_break_in_zshrc_is_detected_blamed_on_the_change_and_notified()
    {
        var notifications = _h.RecordingShim("notify-send");
        File.WriteAllText(Zshrc, Healthy);
        using var daemon = _h.StartDaemon();
        Assert.NotNull(_h.WaitForEvent(e => e.Data is VerificationCompleted { Trigger: "startup" }, TimeSpan.FromSeconds(20)));
        Assert.DoesNotContain(All(), e => e.Data is DriftDetected { CheckId: "path.broken" });

        File.WriteAllText(Zshrc, Broken);
        var drift = _h.WaitForEvent(e => e.Data is DriftDetected { CheckId: "path.broken" }, TimeSpan.FromSeconds(10));

        Assert.True(drift is not null, "no path.broken drift recorded:\n" + daemon.Output);
        var change = Assert.Single(All(), e => e.Data is FileChanged f && f.Path == Zshrc);
        Assert.Equal(change.Position, ((DriftDetected)drift.Data).CausedBy);
        var notified = _h.WaitForEvent(e => e.Data is NotificationSent, TimeSpan.FromSeconds(5));
        Assert.True(notified is not null, "no NotificationSent recorded:\n" + daemon.Output);
        var sent = (NotificationSent)notified.Data;
        Assert.Contains("path.broken", sent.CheckIds);
        Assert.True(sent.Delivered, sent.Error);
        var call = Assert.Single(GoWatchHarness.ShimCalls(notifications));
        Assert.Equal("--app-name=GoWatch", call[0]);
        Assert.Contains(call, arg => arg.Contains("~/.zshrc", StringComparison.Ordinal) && arg.Contains($"gowatch diff {change.Position}", StringComparison.Ordinal));

        File.WriteAllText(Zshrc, Healthy);
        Assert.NotNull(_h.WaitForEvent(e => e.Data is DriftResolved { CheckId: "path.broken" }, TimeSpan.FromSeconds(10)));
        daemon.StopCleanly();
    }

    [Fact]
    public void Status_and_revert_work_through_its_socket()
    {
        File.WriteAllText(Zshrc, Healthy);
        File.SetUnixFileMode(Zshrc, Mode);
        using var daemon = _h.StartDaemon();
        File.WriteAllText(Zshrc, Broken);
        var bad = _h.WaitForEvent(e => e.Data is FileChanged c && c.Path == Zshrc && c.AfterSha256 == Sha(Broken), TimeSpan.FromSeconds(10));
        Assert.True(bad is not null, "the bad edit was not recorded:\n" + daemon.Output);

        var status = _h.Cli("status", "--json");

        Assert.True(status.ExitCode == 0, status.ToString());
        var json = JsonDocument.Parse(status.Stdout).RootElement;
        Assert.True(json.GetProperty("daemon").GetProperty("running").GetBoolean());
        Assert.Equal(daemon.Pid, json.GetProperty("daemon").GetProperty("pid").GetInt32());
        Assert.True(json.GetProperty("store").GetProperty("events").GetInt64() >= 3);

        var revert = _h.Cli("revert", P(bad.Position), "--yes");

        Assert.True(revert.ExitCode == 0, revert.ToString() + "\n" + daemon.Output);
        Assert.Equal(Encoding.UTF8.GetBytes(Healthy), File.ReadAllBytes(Zshrc));
        Assert.Equal(Mode, File.GetUnixFileMode(Zshrc));
        Thread.Sleep(1000); // longer than the debounce: a stray FileChanged would be recorded by now
        var stream = new SocketClient(_h.SocketPath).TryQuery(new EventQuery { Stream = Streams.File(Zshrc), Ascending = true })!;
        var reverted = Assert.Single(stream, e => e.Data is FileReverted);
        Assert.Equal("daemon", reverted.Source);
        Assert.Equal(new FileReverted(Zshrc, bad.Position, Sha(Healthy), Sha(Broken)), reverted.Data);
        Assert.Equal(reverted.Position, stream[^1].Position);
        daemon.StopCleanly();
    }

    [Fact]
    public void After_kill_9_the_store_opens_on_restart_and_a_change_made_while_it_was_down_is_recorded_once()
    {
        var bashrc = _h.HomePath(".bashrc");
        File.WriteAllText(Zshrc, Healthy);
        File.WriteAllText(bashrc, "export GOPATH=$HOME/go\n");
        var first = _h.StartDaemon();
        File.AppendAllText(Zshrc, "export GOFLAGS=-mod=mod\n");
        Assert.NotNull(_h.WaitForEvent(e => e.Data is FileChanged c && c.Path == Zshrc, TimeSpan.FromSeconds(10)));

        first.Crash();
        first.Dispose();
        var whileDown = Healthy + "export GOTOOLCHAIN=local\n";
        File.WriteAllText(Zshrc, whileDown);
        File.Delete(bashrc);
        using var second = _h.StartDaemon();

        var events = All();
        StoreAudit.AssertConsistent(events, "(after the restart)");
        StoreAudit.AssertFinalContentRecorded(events, [Zshrc, bashrc], "(after the restart)");
        Assert.Equal(2, events.Count(e => e.Data is DaemonStarted));
        Assert.Single(events, e => e.Data is FileChanged c && c.Path == Zshrc && c.AfterSha256 == Sha(whileDown));
        Assert.Single(events, e => e.Data is FileDeleted d && d.Path == bashrc);
        second.StopCleanly();

        // What the native daemon wrote is what the managed store reads.
        var direct = StoreAudit.Directly(_h);
        Assert.Equal(events.Select(e => (e.Id, e.Position, e.Type)), direct.Take(events.Count).Select(e => (e.Id, e.Position, e.Type)));
    }
}
