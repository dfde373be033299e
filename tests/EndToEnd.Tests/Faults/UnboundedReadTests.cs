using System.Diagnostics;
using System.Globalization;
using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;

namespace GoWatch.EndToEnd.Tests.Faults;

/// <summary>FIFOs and devices in watched files' places, with the real daemon and CLI: recorded as unreadable, nothing hangs or floods.</summary>
public sealed class UnboundedReadTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    private EventEnvelope WaitFor(Func<EventEnvelope, bool> match, DaemonProcess daemon, string what) =>
        _h.WaitForEvent(match, TimeSpan.FromSeconds(15)) ?? throw new Xunit.Sdk.XunitException($"no {what} within 15 s:\n{daemon.Output}");

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("/usr/bin/mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static long RssKb(int pid) =>
        File.ReadAllLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).Single();

    [Fact]
    public void A_fifo_and_a_link_to_dev_zero_are_recorded_as_unreadable_and_recording_and_doctor_go_on()
    {
        // Given a running daemon watching the shell startup files
        var zshrc = _h.HomePath(".zshrc");
        File.WriteAllText(zshrc, "export GOPATH=$HOME/go\n");
        using var daemon = _h.StartDaemon();
        var before = RssKb(daemon.Pid);

        // When ~/.zprofile becomes a FIFO and ~/.bashrc a symlink to /dev/zero
        var zprofile = _h.HomePath(".zprofile");
        MakeFifo(zprofile);
        File.CreateSymbolicLink(_h.HomePath(".bashrc"), "/dev/zero");

        // Then both are recorded as unreadable, with the reason
        var fifo = WaitFor(e => e.Data is FileUnreadable u && u.Path == zprofile, daemon, "FileUnreadable for the FIFO");
        Assert.Equal("a FIFO, not a regular file", ((FileUnreadable)fifo.Data).Reason);
        var zero = WaitFor(e => e.Data is FileUnreadable u && u.Path == _h.HomePath(".bashrc"), daemon, "FileUnreadable for /dev/zero");
        Assert.Equal("a character device, not a regular file", ((FileUnreadable)zero.Data).Reason);

        // And a later edit elsewhere is still recorded, the daemon stayed small, and doctor finishes naming the FIFO
        File.AppendAllText(zshrc, "export PATH=$PATH:$GOPATH/bin\n");
        var sha = StoreAudit.Sha256(zshrc);
        WaitFor(e => e.Data is FileChanged c && c.Path == zshrc && c.AfterSha256 == sha, daemon, "the later edit");
        Assert.True(RssKb(daemon.Pid) - before < 64 * 1024, "the daemon grew");
        var clock = Stopwatch.StartNew();
        var doctor = _h.Cli("doctor");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"doctor took {clock.Elapsed}");
        Assert.Contains(".zprofile is a FIFO, not a regular file", doctor.Stdout);
        var show = _h.Cli("show", fifo.Position.ToString(CultureInfo.InvariantCulture));
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("a FIFO, not a regular file", show.Stdout);
        Assert.False(daemon.HasExited);
        daemon.StopCleanly();
    }
}
