using GoWatch.Platform.Service;

namespace GoWatch.Platform.Tests.Service;

/// <summary>Under launchd the console is an unrotated file: the daemon writes only its rolling log there.</summary>
public sealed class DaemonLogSinksTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Under_the_GoWatch_launch_agent_there_is_no_console_sink(bool terminal)
    {
        Assert.False(DaemonLogSinks.Console(LaunchdServiceManager.Label, terminal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    public void Outside_launchd_the_console_is_kept(string? xpcServiceName)
    {
        Assert.True(DaemonLogSinks.Console(xpcServiceName, stdoutIsTerminal: false));
    }

    [Fact]
    public void Another_launchd_job_with_stdout_redirected_gets_no_console_sink()
    {
        Assert.False(DaemonLogSinks.Console("com.example.wrapper", stdoutIsTerminal: false));
    }

    [Fact]
    public void A_terminal_app_that_sets_its_own_service_name_keeps_the_console()
    {
        Assert.True(DaemonLogSinks.Console("application.com.googlecode.iterm2.1234", stdoutIsTerminal: true));
    }
}
