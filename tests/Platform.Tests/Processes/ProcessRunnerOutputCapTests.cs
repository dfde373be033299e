using System.Diagnostics;
using GoWatch.Platform.Processes;

namespace GoWatch.Platform.Tests.Processes;

/// <summary>A child that prints forever is killed at the output cap, long before its timeout.</summary>
public sealed class ProcessRunnerOutputCapTests
{
    [Fact]
    public async Task A_child_that_prints_forever_is_killed_at_the_output_cap()
    {
        var clock = Stopwatch.StartNew();

        var result = await ProcessRunner.RunAsync(new ProcessSpec("/usr/bin/yes", ["go: downloading"]) { Timeout = TimeSpan.FromSeconds(60), MaxOutputChars = 1024 * 1024 }, CancellationToken.None);

        Assert.True(result.OutputCapped);
        Assert.False(result.Succeeded);
        Assert.False(result.TimedOut);
        Assert.Equal(1024 * 1024, result.Stdout.Length);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Output_under_the_cap_is_kept_whole()
    {
        var result = await ProcessRunner.RunAsync(new ProcessSpec("/bin/echo", ["hello"]) { MaxOutputChars = 100 }, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.False(result.OutputCapped);
        Assert.Equal("hello\n", result.Stdout);
    }
}
