using GoWatch.Platform.Notifications;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Notifications;

public sealed class MacDesktopNotifierTests : IDisposable
{
    private readonly ShimDirectory _shims = new();
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _shims.Dispose();
        _temp.Dispose();
    }

    private MacDesktopNotifier Notifier(TimeSpan? timeout = null) => new(_shims.Locator, timeout ?? TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Prefers_osascript_even_when_terminal_notifier_is_installed()
    {
        // terminal-notifier exits 0 under launchd on recent macOS while showing nothing.
        _shims.Add("terminal-notifier").Add("osascript");

        var result = await Notifier().NotifyAsync("GoWatch: PATH broken", "~/.zshrc line 12 set PATH", CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(NotificationChannel.Osascript, result.Channel);
        var call = Assert.Single(_shims.Calls());
        Assert.Equal("osascript", call.Tool);
        Assert.Equal(["GoWatch: PATH broken", "~/.zshrc line 12 set PATH"], call.Arguments.TakeLast(2));
    }

    [Fact]
    public async Task Uses_terminal_notifier_only_where_osascript_is_missing()
    {
        _shims.Add("terminal-notifier");

        var result = await Notifier().NotifyAsync("GoWatch: PATH broken", "~/.zshrc line 12 set PATH", CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(NotificationChannel.TerminalNotifier, result.Channel);
        Assert.Equal("terminal-notifier", result.ChannelName);
        var call = Assert.Single(_shims.Calls());
        Assert.Equal("terminal-notifier", call.Tool);
        Assert.Equal(["-title", "GoWatch: PATH broken", "-message", "~/.zshrc line 12 set PATH", "-group", "dev.gowatch"], call.Arguments);
        Assert.Equal(call.Arguments, result.Arguments);
    }

    [Fact]
    public async Task Osascript_runs_a_fixed_script_with_the_text_as_argv()
    {
        _shims.Add("osascript");

        var result = await Notifier().NotifyAsync("GoWatch", "go.arch-mismatch", CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("osascript", result.ChannelName);
        Assert.Equal(
            [
                "-e", "on run argv",
                "-e", "display notification (item 2 of argv) with title (item 1 of argv)",
                "-e", "end run",
                "GoWatch", "go.arch-mismatch",
            ],
            Assert.Single(_shims.Calls()).Arguments);
    }

    [Fact]
    public async Task Hostile_text_reaches_osascript_verbatim_as_its_own_argument_and_runs_nothing()
    {
        _shims.Add("osascript");
        var marker = _temp.Combine("pwned");
        var title = "GoWatch \"alert\" \\ 'x' & <y>";
        var message = Hostile.Message(marker);

        var result = await Notifier().NotifyAsync(title, message, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var args = Assert.Single(_shims.Calls()).Arguments;
        Assert.Equal(8, args.Count);
        Assert.Equal(title, args[6]);
        Assert.Equal(message, args[7]);
        Assert.All(args.Take(6), a => Assert.DoesNotContain("touch", a));
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task Hostile_text_reaches_terminal_notifier_verbatim()
    {
        _shims.Add("terminal-notifier");
        var marker = _temp.Combine("pwned");
        var message = Hostile.Message(marker);

        await Notifier().NotifyAsync("GoWatch", message, CancellationToken.None);

        var args = Assert.Single(_shims.Calls()).Arguments;
        Assert.Equal(message, args[3]);
        Assert.False(File.Exists(marker));
    }

    [Theory]
    [InlineData("-remove ALL")]
    [InlineData("(a, b)")]
    [InlineData("\"quoted\"")]
    public async Task Terminal_notifier_text_that_NSUserDefaults_would_parse_is_kept_as_text(string message)
    {
        _shims.Add("terminal-notifier");

        await Notifier().NotifyAsync("GoWatch", message, CancellationToken.None);

        // A zero-width space in front keeps it a plain string; the reader sees the same text.
        Assert.Equal("\u200B" + message, Assert.Single(_shims.Calls()).Arguments[3]);
    }

    [Fact]
    public async Task An_osascript_title_starting_with_a_dash_is_not_taken_for_an_option()
    {
        _shims.Add("osascript");

        await Notifier().NotifyAsync("-x GoWatch", "-message", CancellationToken.None);

        var args = Assert.Single(_shims.Calls()).Arguments;
        Assert.Equal("\u200B-x GoWatch", args[6]);
        Assert.Equal("-message", args[7]);
    }

    [Fact]
    public async Task Without_either_tool_the_result_says_log()
    {
        var result = await Notifier().NotifyAsync("GoWatch", "message", CancellationToken.None);

        Assert.Equal(NotificationChannel.Log, result.Channel);
        Assert.Equal("log", result.ChannelName);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Arguments);
        Assert.Contains("osascript", result.Error);
    }

    [Fact]
    public async Task A_failing_tool_reports_its_stderr()
    {
        _shims.Add("osascript", new ShimRule("end run", new ShimResponse(1, "", "execution error: Not authorised (-1743)\n")));

        var result = await Notifier().NotifyAsync("GoWatch", "message", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(NotificationChannel.Osascript, result.Channel);
        Assert.Contains("Not authorised", result.Error);
    }

    [Fact]
    public async Task A_tool_that_hangs_is_cut_off_by_the_timeout()
    {
        _shims.Add("osascript", new ShimRule("end run", new ShimResponse { SleepSeconds = 30 }));

        var started = DateTime.UtcNow;
        var result = await Notifier(TimeSpan.FromMilliseconds(500)).NotifyAsync("GoWatch", "message", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("did not finish", result.Error);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }
}
