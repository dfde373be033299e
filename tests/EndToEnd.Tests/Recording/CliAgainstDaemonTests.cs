using System.Text.Json;
using GoWatch.EndToEnd.Tests.Support;

namespace GoWatch.EndToEnd.Tests.Recording;

/// <summary>The CLI works the same with the daemon up (through the socket) and down (store under the lock).</summary>
public sealed class CliAgainstDaemonTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Status_says_whether_the_daemon_runs_and_the_store_is_private()
    {
        File.WriteAllText(_h.HomePath(".bashrc"), "export GOPATH=~/go\n");
        using (var daemon = _h.StartDaemon())
        {
            var up = _h.Cli("status", "--json");
            Assert.Equal(0, up.ExitCode);
            var json = JsonDocument.Parse(up.Stdout).RootElement;
            Assert.True(json.GetProperty("daemon").GetProperty("running").GetBoolean());
            Assert.Equal(daemon.Pid, json.GetProperty("daemon").GetProperty("pid").GetInt32());
            Assert.True(json.GetProperty("store").GetProperty("events").GetInt64() >= 2);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_h.SocketPath));
            daemon.Stop();
        }

        var down = _h.Cli("status", "--json");
        Assert.Equal(3, down.ExitCode);
        var after = JsonDocument.Parse(down.Stdout).RootElement;
        Assert.False(after.GetProperty("daemon").GetProperty("running").GetBoolean());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_h.DataDir));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_h.DataDir, "events.db")));
    }

    [Fact]
    public void Status_tells_a_killed_daemon_from_a_clean_stop()
    {
        using (var daemon = _h.StartDaemon())
        {
            daemon.Stop();
        }
        var stopped = _h.Cli("status");
        using (var daemon = _h.StartDaemon())
        {
            daemon.Crash();
        }
        var killed = _h.Cli("status");

        Assert.Equal(3, stopped.ExitCode);
        Assert.Contains("gowatchd is not running; it stopped cleanly at", stopped.Stdout);
        Assert.Equal(3, killed.ExitCode);
        Assert.Contains("ended without a clean stop (crashed or killed)", killed.Stdout);
    }

    [Fact]
    public void History_reads_the_same_events_through_the_daemon_and_directly()
    {
        File.WriteAllText(_h.HomePath(".zshrc"), "a\n");
        string through;
        using (var daemon = _h.StartDaemon())
        {
            File.AppendAllText(_h.HomePath(".zshrc"), "b\n");
            Assert.NotNull(_h.WaitForEvent(e => e.Type == "FileChanged", TimeSpan.FromSeconds(5)));
            through = _h.Cli("history", "--json", "--path", "~/.zshrc").Stdout;
            daemon.Stop();
        }

        var direct = _h.Cli("history", "--json", "--path", "~/.zshrc").Stdout;

        Assert.Equal(through, direct);
    }

    [Fact]
    public async Task Follow_streams_new_events_and_refuses_when_the_daemon_is_down()
    {
        var refused = _h.Cli("follow");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not running", refused.Stderr);

        using var daemon = _h.StartDaemon();
        using var follow = System.Diagnostics.Process.Start(FollowStartInfo())!;
        Thread.Sleep(1500);
        File.WriteAllText(_h.HomePath(".zshenv"), "export GOTOOLCHAIN=local\n");
        // Other events (the start-up verification) may come first: read until the file's.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement? created = null;
        while (created is null && DateTime.UtcNow < deadline)
        {
            var line = await follow.StandardOutput.ReadLineAsync().WaitAsync(deadline - DateTime.UtcNow);
            if (line is null)
            {
                Assert.Fail("follow ended: " + await follow.StandardError.ReadToEndAsync() + "\n" + daemon.Output);
            }
            var e = JsonDocument.Parse(line).RootElement;
            if (e.GetProperty("type").GetString() == "FileCreated")
            {
                created = e;
            }
        }
        Assert.NotNull(created);
        Assert.Equal(_h.HomePath(".zshenv"), created.Value.GetProperty("data").GetProperty("path").GetString());
        follow.Kill();
    }

    [Fact]
    public async Task Follow_into_head_ends_quietly_once_head_has_its_lines()
    {
        using var daemon = _h.StartDaemon();
        var psi = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _h.Home };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("dotnet \"$0\" follow | head -2; echo \"follow exited ${PIPESTATUS[0]}\" >&2");
        psi.ArgumentList.Add(BuiltApps.Cli);
        psi.Environment.Clear();
        foreach (var (k, v) in _h.Environment)
        {
            psi.Environment[k] = v;
        }
        using var pipeline = System.Diagnostics.Process.Start(psi)!;
        var stdout = pipeline.StandardOutput.ReadToEndAsync();
        var stderr = pipeline.StandardError.ReadToEndAsync();
        Thread.Sleep(1500);

        // Two events for head, then nothing more: follow must notice head is gone without another write.
        File.WriteAllText(_h.HomePath(".zshenv"), "export GOTOOLCHAIN=local\n");
        Assert.NotNull(_h.WaitForEvent(e => e.Type == "FileCreated", TimeSpan.FromSeconds(10)));
        File.AppendAllText(_h.HomePath(".zshenv"), "export GOFLAGS=-mod=mod\n");

        var ended = pipeline.WaitForExit(20_000);
        if (!ended)
        {
            pipeline.Kill(entireProcessTree: true);
        }
        Assert.True(ended, "follow | head -2 did not end:\n" + daemon.Output);
        Assert.Equal(2, (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var errors = await stderr;
        Assert.Matches("follow exited (0|141)", errors);
        Assert.DoesNotContain("Exception", errors);
    }

    [Fact]
    public void Usage_errors_exit_2_and_unknown_positions_exit_1()
    {
        Assert.Equal(2, _h.Cli("history", "--since", "yesterdayish").ExitCode);
        Assert.Equal(2, _h.Cli("history", "--bogus").ExitCode);
        Assert.Equal(2, _h.Cli("show", "abc").ExitCode);
        var unknown = _h.Cli("show", "424242");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no event at position 424242", unknown.Stderr);
        Assert.Equal(0, _h.Cli("history", "--help").ExitCode);
    }

    private System.Diagnostics.ProcessStartInfo FollowStartInfo()
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _h.Home };
        psi.ArgumentList.Add(BuiltApps.Cli);
        psi.ArgumentList.Add("follow");
        psi.ArgumentList.Add("--json");
        psi.Environment.Clear();
        foreach (var (k, v) in _h.Environment)
        {
            psi.Environment[k] = v;
        }
        return psi;
    }
}
