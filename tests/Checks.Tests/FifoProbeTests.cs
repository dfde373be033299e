using System.Diagnostics;
using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests;

/// <summary>A FIFO in place of a startup file or Go's env file: the probes say so at once instead of hanging.</summary>
public sealed class FifoProbeTests
{
    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("/usr/bin/mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public async Task A_fifo_zprofile_is_reported_without_starting_the_shell()
    {
        using var s = Scenario.Mac().WithShellTimeout(TimeSpan.FromSeconds(30));
        s.Zshrc("export GOPATH=$HOME/go");
        MakeFifo(Path.Combine(s.Home, ".zprofile"));
        var clock = Stopwatch.StartNew();

        var report = await s.VerifyAsync("shell.startup-failed");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var finding = report.Fires("shell.startup-failed");
        Assert.Contains(".zprofile is a FIFO, not a regular file", finding.Detail);
    }

    [Fact]
    public async Task A_fifo_go_env_file_is_a_read_error_not_a_hang()
    {
        using var s = Scenario.Mac();
        s.Zshrc("export GOPATH=$HOME/go");
        MakeFifo(s.Settings().GoEnvFile);
        var clock = Stopwatch.StartNew();

        var facts = await s.FactsAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Equal("a FIFO, not a regular file", facts.GoEnvFile.Error);
    }
}
