using GoWatch.EndToEnd.Tests.Support;

namespace GoWatch.EndToEnd.Tests.Security;

/// <summary>Everything GoWatch writes is the owner's alone; the daemon refuses root unless told; the socket refuses other users.</summary>
public sealed class FileModeTests : IDisposable
{
    private const UnixFileMode Dir0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void The_data_dir_and_log_dir_are_0700_and_the_store_lock_socket_and_logs_0600_whatever_the_umask()
    {
        // Given a permissive umask in the environment the daemon inherits (the test process's)
        File.WriteAllText(_h.HomePath(".zshrc"), "export GOPATH=$HOME/go\n");
        using var daemon = _h.StartDaemon();
        File.AppendAllText(_h.HomePath(".zshrc"), "export GOBIN=$HOME/bin\n");
        Assert.NotNull(_h.WaitForEvent(e => e.Type == "FileChanged", TimeSpan.FromSeconds(10)));

        Assert.Equal(Dir0700, File.GetUnixFileMode(_h.DataDir));
        Assert.Equal(Dir0700, File.GetUnixFileMode(_h.LogDir));
        foreach (var name in new[] { "events.db", "events-log.db", "gowatch.lock", "gowatchd.sock", "gowatchd.json" })
        {
            var path = Path.Combine(_h.DataDir, name);
            if (name != "events-log.db" || File.Exists(path))
            {
                Assert.True(File.GetUnixFileMode(path) == File0600, $"{name} is {File.GetUnixFileMode(path)}");
            }
        }
        var logs = Directory.GetFiles(_h.LogDir);
        Assert.NotEmpty(logs);
        Assert.All(logs, log => Assert.True(File.GetUnixFileMode(log) == File0600, $"{log} is {File.GetUnixFileMode(log)}"));
        daemon.StopCleanly();
    }

    [Fact]
    public void The_daemon_refuses_to_run_as_root_unless_allowed()
    {
        Assert.True(Unprivileged.IsRoot, "this check needs the tests to run as root, as they do on CI");
        _h.Environment.Remove("GOWATCH_ALLOW_ROOT");

        var refused = _h.RunDaemonToExit();

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("refusing to run as root", refused.Stderr);
        Assert.Contains("--allow-root", refused.Stderr);
        Assert.False(File.Exists(Path.Combine(_h.DataDir, "events.db")));

        // A setting that says no is no.
        _h.Environment["GOWATCH_ALLOW_ROOT"] = "0";
        var settingSaysNo = _h.RunDaemonToExit();
        Assert.Equal(1, settingSaysNo.ExitCode);
    }

    [Fact]
    public void Another_user_cannot_connect_to_the_daemon_socket()
    {
        Assert.True(Unprivileged.CanSwitchUser, "needs root and setpriv to act as another user");
        using var daemon = _h.StartDaemon();
        // Even with the directories on the way opened up, the socket itself is 0600.
        File.SetUnixFileMode(_h.Root, Dir0700 | UnixFileMode.OtherExecute | UnixFileMode.OtherRead);
        File.SetUnixFileMode(_h.DataDir, Dir0700 | UnixFileMode.OtherExecute);
        const string client = "import socket,sys\ns=socket.socket(socket.AF_UNIX)\ntry:\n  s.connect(sys.argv[1]); s.sendall(b'{\"op\":\"query\"}\\n'); print('CONNECTED', s.recv(100))\nexcept OSError as e:\n  print('ERRNO', e.errno, e.strerror)\n";

        var asNobody = Unprivileged.Run([.. Unprivileged.Prefix(Unprivileged.Nobody), "/usr/bin/python3", "-c", client, _h.SocketPath]);
        var asOwner = Unprivileged.Run(["/usr/bin/python3", "-c", client, _h.SocketPath]);

        Assert.Contains("ERRNO 13 Permission denied", asNobody.Stdout);
        Assert.Contains("CONNECTED", asOwner.Stdout);
        daemon.StopCleanly();
    }
}
