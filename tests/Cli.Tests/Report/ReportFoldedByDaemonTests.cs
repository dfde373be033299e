using GoWatch.Cli.Backend;
using GoWatch.Cli.Tests.Report.Support;
using GoWatch.Cli.Tests.Support;
using GoWatch.Recording.Reporting;

namespace GoWatch.Cli.Tests.Report;

/// <summary>
/// With gowatchd up the window is folded in the daemon, next to its store, and only the model
/// crosses the socket; a daemon too old for that is paged through as before. Either way the page
/// is the one the CLI makes from the store itself, byte for byte.
/// </summary>
public sealed class ReportFoldedByDaemonTests : IDisposable
{
    // Inside the story: the window starts after a break began and before it was repaired.
    private const string Since = "2026-03-02";

    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    private (byte[] Html, byte[] Json) Report(string name)
    {
        var html = _s.HomePath($"{name}.html");
        var json = _s.HomePath($"{name}.json");
        var page = _s.Run("report", "--since", Since, "-o", html);
        Assert.True(page.ExitCode == 0, page.ToString());
        var data = _s.Run("report", "--json", "--since", Since, "-o", json);
        Assert.True(data.ExitCode == 0, data.ToString());
        return (File.ReadAllBytes(html), File.ReadAllBytes(json));
    }

    [Fact]
    public void The_report_folded_by_the_daemon_is_byte_for_byte_the_one_read_from_the_store()
    {
        var story = new BreakStory(_s).Record();
        (byte[] Html, byte[] Json) throughDaemon;
        ReportModel? folded;
        using (RunningDaemon.Start(_s, TimeSpan.FromSeconds(90)))
        {
            throughDaemon = Report("daemon");
            using var backend = DaemonBackend.TryConnect(_s.Settings.SocketPath, TimeSpan.FromSeconds(5));
            Assert.NotNull(backend);
            var now = _s.Clock.GetUtcNow();
            folded = backend.Report(new ReportWindow(now.AddDays(-30), now, "the last 30 days"));
        }

        var direct = Report("direct");

        Assert.NotNull(folded);
        // The story's breaks, with their blame, beside whatever the daemon's own start-up verification found here.
        Assert.Contains(folded.Breaks, b => b.CheckId == "path.broken" && b.Blame?.Position == story.PathBreakingEdit);
        Assert.Contains(folded.Breaks, b => b.CheckId == "go.arch-mismatch" && b.Blame?.Position == story.InstallChange);
        Assert.Contains("path.broken", System.Text.Encoding.UTF8.GetString(direct.Html), StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(direct.Json), System.Text.Encoding.UTF8.GetString(throughDaemon.Json));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(direct.Html), System.Text.Encoding.UTF8.GetString(throughDaemon.Html));
        Assert.Equal(direct.Html, throughDaemon.Html);
        Assert.Equal(direct.Json, throughDaemon.Json);
    }

    [Fact]
    public void A_report_request_without_its_window_is_refused_and_the_connection_still_answers()
    {
        new BreakStory(_s).Record();
        using (RunningDaemon.Start(_s, TimeSpan.FromSeconds(90)))
        {
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            socket.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(_s.Settings.SocketPath));
            using var stream = new System.Net.Sockets.NetworkStream(socket);
            using var reader = new StreamReader(stream);
            using var writer = new StreamWriter(stream) { NewLine = "\n", AutoFlush = true };

            writer.WriteLine("""{"op":"report"}""");
            var refused = System.Text.Json.JsonDocument.Parse(reader.ReadLine()!).RootElement;
            writer.WriteLine("""{"op":"report","args":{"from":"2026-03-10T00:00:00Z","to":"2026-03-01T00:00:00Z","description":"backwards"}}""");
            var backwards = System.Text.Json.JsonDocument.Parse(reader.ReadLine()!).RootElement;
            writer.WriteLine("""{"op":"status"}""");
            var status = System.Text.Json.JsonDocument.Parse(reader.ReadLine()!).RootElement;

            Assert.False(refused.GetProperty("ok").GetBoolean());
            Assert.Equal("report needs the window (from, to, description) as args", refused.GetProperty("error").GetString());
            Assert.False(backwards.GetProperty("ok").GetBoolean());
            Assert.Contains("before it starts", backwards.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.True(status.GetProperty("ok").GetBoolean());
        }
    }

    [Fact]
    public void A_daemon_that_does_not_know_the_report_operation_is_paged_through_for_the_same_report()
    {
        new BreakStory(_s).Record();
        var direct = Report("direct");

        (byte[] Html, byte[] Json) throughOld;
        using (var old = OldDaemon.Start(_s.Settings))
        {
            throughOld = Report("old");
            Assert.Equal(2, old.Asked.GetValueOrDefault("report"));
            Assert.True(old.Asked.GetValueOrDefault("query") > 2, string.Join(", ", old.Asked));
        }

        Assert.Equal(System.Text.Encoding.UTF8.GetString(direct.Html), System.Text.Encoding.UTF8.GetString(throughOld.Html));
        Assert.Equal(direct.Json, throughOld.Json);
    }
}
