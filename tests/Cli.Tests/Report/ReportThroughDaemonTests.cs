using System.Text.Json;
using System.Text.Json.Nodes;
using GoWatch.Cli.Tests.Report.Support;
using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests.Report;

/// <summary>With gowatchd running the CLI cannot open the store; the report reads it through the daemon's socket.</summary>
public sealed class ReportThroughDaemonTests : IDisposable
{
    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public void With_the_daemon_up_the_report_is_the_one_read_from_the_store_itself()
    {
        var story = new BreakStory(_s).Record();
        string throughDaemon;
        using (RunningDaemon.Start(_s, TimeSpan.FromSeconds(90)))
        {
            Assert.False(File.Exists(Path.Combine(_s.Settings.DataDir, "gowatch.lock")) && CanTakeLock(), "the daemon should hold the store lock");
            var result = _s.Run("report", "--json", "--since", "60d");
            Assert.True(result.ExitCode == 0, result.ToString());
            throughDaemon = result.Stdout;
        }

        var direct = _s.Run("report", "--json", "--since", "60d");

        Assert.True(direct.ExitCode == 0, direct.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(direct.Stdout), JsonNode.Parse(throughDaemon)), $"daemon:\n{throughDaemon}\ndirect:\n{direct.Stdout}");
        var breaks = JsonDocument.Parse(throughDaemon).RootElement.GetProperty("breaks").EnumerateArray().ToList();
        Assert.Contains(breaks, b => b.GetProperty("checkId").GetString() == "path.broken" && b.GetProperty("causedBy").GetProperty("position").GetInt64() == story.PathBreakingEdit);
        Assert.Contains(breaks, b => b.GetProperty("checkId").GetString() == "go.arch-mismatch" && b.GetProperty("causedBy").GetProperty("position").GetInt64() == story.InstallChange);
    }

    [Fact]
    public void Through_the_daemon_the_window_read_in_parts_over_connections_of_their_own_is_the_same_report()
    {
        new BreakStory(_s).Record();
        var now = _s.Clock.GetUtcNow();
        var window = new GoWatch.Recording.Reporting.ReportWindow(now.AddDays(-30), now, "the last 30 days");
        using (RunningDaemon.Start(_s, TimeSpan.FromSeconds(90)))
        {
            using var backend = GoWatch.Cli.Backend.DaemonBackend.TryConnect(_s.Settings.SocketPath, TimeSpan.FromSeconds(5));
            Assert.NotNull(backend);

            var whole = GoWatch.Cli.Report.BackendReport.Paged(backend, window, pageSize: 1000, partitions: 1);
            var split = GoWatch.Cli.Report.BackendReport.Paged(backend, window, pageSize: 4, partitions: 3);

            Assert.True(split.EventsRead > 3 * 4);
            Assert.Equal(whole.EventsRead, split.EventsRead);
            Assert.Equal(whole.Breaks, split.Breaks);
            Assert.Equal(whole.Downtime, split.Downtime);
            Assert.Equal(whole.Verifications, split.Verifications);
            Assert.Equal(whole.Files.Keys.Order(), split.Files.Keys.Order());
            // The connection it was given still answers: only the extra ones were closed.
            Assert.NotEmpty(backend.Query(new GoWatch.Events.Store.EventQuery { Limit = 1 }));
        }
    }

    private bool CanTakeLock()
    {
        try
        {
            using var store = GoWatch.Events.Store.LiteDb.LiteDbEventStore.Open(_s.Settings.StorePath, _s.Settings.LockPath);
            return true;
        }
        catch (GoWatch.Events.Store.StoreLockedException)
        {
            return false;
        }
    }
}
