using System.Globalization;
using System.Net.Sockets;
using System.Text;
using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events.Store;
using GoWatch.Platform;
using GoWatch.Platform.Locations;

namespace GoWatch.EndToEnd.Tests.Faults;

/// <summary>The local API against a client that sends too much, a data dir too deep for a socket, and a daemon that dies mid-reply.</summary>
public sealed class LocalApiLimitTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static long PeakRssKb(int pid) =>
        File.ReadAllLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).Single();

    [Fact]
    public async Task A_request_line_over_the_cap_is_answered_with_an_error_and_closed_without_growing_the_daemon()
    {
        using var daemon = _h.StartDaemon();
        var before = PeakRssKb(daemon.Pid);

        // When a client sends 64 MB without a newline
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(_h.SocketPath));
        var chunk = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
        var sender = Task.Run(() =>
        {
            try
            {
                for (var i = 0; i < 64; i++)
                {
                    socket.Send(chunk);
                }
            }
            catch (SocketException)
            {
                // The daemon closed the connection: what this test wants.
            }
        });
        var reply = new StringBuilder();
        var buffer = new byte[4096];
        socket.ReceiveTimeout = 20_000;
        try
        {
            int read;
            while ((read = socket.Receive(buffer)) > 0)
            {
                reply.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (SocketException) when (reply.Length > 0)
        {
            // Reset after the reply arrived: the daemon closed while this client was still sending.
        }
        await sender.WaitAsync(TimeSpan.FromSeconds(20));

        // Then it gets one error line, the connection is closed, and the daemon stayed small and answers others
        Assert.Contains("request line longer than 1024 KiB", reply.ToString());
        Assert.False(daemon.HasExited, daemon.Output);
        var growth = PeakRssKb(daemon.Pid) - before;
        Assert.True(growth < 24 * 1024, $"the daemon's peak RSS grew by {growth} KiB");
        Assert.NotNull(new SocketClient(_h.SocketPath).TryQuery(new EventQuery { Limit = 1 }));
        daemon.StopCleanly();
    }

    [Fact]
    public void A_data_dir_too_deep_for_a_socket_path_gets_a_short_socket_that_gowatch_finds_too()
    {
        // Given a data dir whose socket path would pass the 107 bytes Linux allows
        var deep = Path.Combine(_h.Root, new string('d', 60), new string('e', 60));
        Assert.True(Encoding.UTF8.GetByteCount(Path.Combine(deep, "gowatchd.sock")) > 107);
        _h.Environment["GOWATCH_DATA_DIR"] = deep;
        _h.SocketPathOverride = SocketLocation.For(deep, PlatformKind.Linux, runtimeDir: null);
        Assert.StartsWith("/tmp/gowatch-", _h.SocketPathOverride);

        // When gowatchd starts there
        using var daemon = _h.StartDaemon();

        // Then it says so plainly, listens on the short path in a private directory, and gowatch finds it
        Assert.Contains("longer than the 107 bytes a Unix socket path may have", daemon.Output);
        Assert.DoesNotContain("   at ", daemon.Output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(_h.SocketPathOverride)!));
        var status = _h.Cli("status", "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("\"running\":true", status.Stdout.Replace(" ", "", StringComparison.Ordinal));
        daemon.StopCleanly();
        Assert.False(File.Exists(_h.SocketPathOverride));
    }

    [Theory]
    [InlineData("revert", "1", "--yes")]
    [InlineData("history")]
    [InlineData("status")]
    public void A_daemon_that_dies_mid_reply_gives_a_one_line_error(params string[] command)
    {
        // Given something on the socket that answers half a JSON line and hangs up, as a daemon killed while writing
        Directory.CreateDirectory(_h.DataDir);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(_h.SocketPath));
        listener.Listen(4);
        using var stop = new CancellationTokenSource();
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptAsync(stop.Token);
                var buffer = new byte[4096];
                await client.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
                await client.SendAsync(Encoding.UTF8.GetBytes("{\"ok\":true,\"result\":{\"status\":\"Reverted\",\"mess"), SocketFlags.None, stop.Token);
                client.Shutdown(SocketShutdown.Both);
            }
        });

        var result = _h.Cli(command);
        stop.Cancel();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("cut short", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain("JsonException", result.Stderr, StringComparison.Ordinal);
    }
}
