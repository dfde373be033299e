using GoWatch.Cli.Backend;
using GoWatch.Cli.Report;
using GoWatch.Cli.Tests.Report.Support;
using GoWatch.Cli.Tests.Support;
using GoWatch.Recording.Reporting;

namespace GoWatch.Cli.Tests.Report;

/// <summary>Reading a report's window from a real store: where the window starts, and reading it a page at a time.</summary>
public sealed class ReportReaderTests : IDisposable
{
    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    private T WithBackend<T>(Func<IGoWatchBackend, T> read)
    {
        using var backend = BackendConnector.Connect(_s.Settings);
        return read(backend);
    }

    [Fact]
    public void The_window_starts_at_the_first_event_recorded_at_or_after_since()
    {
        var story = new BreakStory(_s).Record();
        var all = _s.Events().OrderBy(e => e.Position).ToList();

        var found = WithBackend(b => all.Select(e => (AtIt: BackendReport.FirstPositionAt(b, e.Time), JustAfter: BackendReport.FirstPositionAt(b, e.Time.AddTicks(1)))).ToList());

        for (var i = 0; i < all.Count; i++)
        {
            var time = all[i].Time;
            Assert.Equal(all.First(x => x.Time >= time).Position, found[i].AtIt);
            Assert.Equal(all.FirstOrDefault(x => x.Time > time)?.Position ?? all[^1].Position + 1, found[i].JustAfter);
        }
        Assert.Equal(all[^1].Position + 1, WithBackend(b => BackendReport.FirstPositionAt(b, _s.Clock.GetUtcNow())));
        Assert.Equal(1, WithBackend(b => BackendReport.FirstPositionAt(b, story.PathBrokeAt.AddYears(-1))));
    }

    [Fact]
    public void Only_the_windows_events_of_the_folded_types_are_read()
    {
        var story = new BreakStory(_s).Record();
        var now = _s.Clock.GetUtcNow();
        var window = new ReportWindow(story.ArchFixedAt, now, "since the reinstall");
        var expected = _s.Events().Count(e => e.Time >= window.From && ReportModel.Types.Contains(e.Type));

        var model = WithBackend(b => BackendReport.Read(b, window));

        Assert.Equal(expected, model.EventsRead);
        Assert.True(expected < _s.Events().Count / 2, "the window should hold the minority of the story");
        // What was true at the window's start still shows: the arch break, detected before it, repaired in it.
        Assert.Equal("go.arch-mismatch", model.Breaks[0].CheckId);
        Assert.True(model.Breaks[0].BrokeAt < window.From);
    }

    [Fact]
    public void Reading_in_small_pages_gives_the_same_report_as_reading_at_once()
    {
        new BreakStory(_s).Record();
        var now = _s.Clock.GetUtcNow();
        var window = new ReportWindow(now.AddDays(-30), now, "the last 30 days");

        var paged = WithBackend(b => BackendReport.Paged(b, window, pageSize: 3, partitions: 1));
        var whole = WithBackend(b => BackendReport.Read(b, window));

        Assert.True(paged.EventsRead > 3 * 5);
        Assert.Equal(whole.EventsRead, paged.EventsRead);
        Assert.Equal(whole.Breaks, paged.Breaks);
        Assert.Equal(whole.Downtime, paged.Downtime);
        Assert.Equal(whole.Verifications, paged.Verifications);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Reading_the_window_in_parts_at_once_gives_the_same_report(int parts)
    {
        new BreakStory(_s).Record();
        var now = _s.Clock.GetUtcNow();
        var window = new ReportWindow(now.AddDays(-30), now, "the last 30 days");

        var whole = WithBackend(b => BackendReport.Paged(b, window, pageSize: 1000, partitions: 1));
        var split = WithBackend(b => BackendReport.Paged(b, window, pageSize: 4, partitions: parts));

        Assert.Equal(whole.EventsRead, split.EventsRead);
        Assert.Equal(whole.Breaks, split.Breaks);
        Assert.Equal(whole.Downtime, split.Downtime);
        Assert.Equal(whole.Verifications, split.Verifications);
        Assert.Equal(whole.Installations, split.Installations);
        Assert.Equal(whole.Files.Keys.Order(), split.Files.Keys.Order());
    }
}
