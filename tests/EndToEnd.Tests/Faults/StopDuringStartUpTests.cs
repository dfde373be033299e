using System.Text.Json;
using GoWatch.EndToEnd.Tests.Support;

namespace GoWatch.EndToEnd.Tests.Faults;

/// <summary>launchd or systemd may stop gowatchd before it has finished starting (a logout right after login).</summary>
public sealed class StopDuringStartUpTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void SIGTERM_while_gowatchd_is_still_starting_is_a_clean_stop_recorded_like_any_other()
    {
        File.WriteAllText(_h.HomePath(".zshrc"), "export GOPATH=$HOME/go\n");
        var infoFile = Path.Combine(_h.DataDir, "gowatchd.json");

        // When SIGTERM arrives as soon as the watchers are armed, before the verification scheduler has started
        var stopped = Assert.Throws<InvalidOperationException>(() => _h.StartDaemon(whenWatching: () =>
        {
            var pid = JsonDocument.Parse(File.ReadAllText(infoFile)).RootElement.GetProperty("pid").GetInt32();
            Assert.Equal(0, Signals.Kill(pid, Signals.Term));
        }));

        // Then it exits 0, leaves no socket or pid file behind, and DaemonStarted is closed by DaemonStopped
        Assert.Contains("gowatchd exited with 0", stopped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stopped unexpectedly", stopped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" ERR] ", stopped.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_h.SocketPath), stopped.Message);
        Assert.False(File.Exists(infoFile), stopped.Message);
        var history = _h.Cli("history", "--json", "--type", "DaemonStarted", "--type", "DaemonStopped");
        Assert.True(history.ExitCode == 0, history.ToString());
        var types = JsonDocument.Parse(history.Stdout).RootElement.EnumerateArray().Select(e => e.GetProperty("type").GetString());
        Assert.Equal(["DaemonStopped", "DaemonStarted"], types);

        // And the next start finds the store as a clean stop left it
        using var daemon = _h.StartDaemon();
        daemon.StopCleanly();
    }
}
