using GoWatch.Platform.Service;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Service;

public sealed class SystemdServiceManagerTests : ServiceManagerContract
{
    private const string ShowProperties = "--property=ActiveState,SubState,MainPID,ExecMainStatus,LoadState";

    protected override string Tool => "systemctl";

    protected override IServiceManager CreateManager(ServiceOptions options) => new SystemdServiceManager(options);

    private SystemdServiceManager Manager => new(Fixture.Options);
    private string UnitPath => Path.Combine(Fixture.Home, ".config", "systemd", "user", "gowatch.service");

    private static RecordedCall Call(params string[] args) => new("systemctl", args);

    private void AssertCalls(params RecordedCall[] expected) =>
        Assert.Equal(expected.Select(c => c.ToString()), Fixture.Shims.Calls().Select(c => c.ToString()));

    [Fact]
    public async Task Install_writes_the_unit_then_reloads_and_enables_it_now()
    {
        Fixture.Shims.Add("systemctl");

        var result = await Manager.InstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(UnitPath, result.FilePath);
        AssertCalls(Call("--user", "daemon-reload"), Call("--user", "enable", "--now", "gowatch.service"));
        Assert.Contains("ExecStart=\"/usr/local/share/dotnet/dotnet\" \"/Applications/Go Watch/gowatchd.dll\"", File.ReadAllLines(UnitPath));
    }

    [Fact]
    public async Task Install_puts_the_unit_under_XDG_CONFIG_HOME_when_it_is_set()
    {
        Fixture.Shims.Add("systemctl");
        var xdg = Path.Combine(Fixture.Home, "xdg config");
        Fixture.Options = Fixture.Options with { XdgConfigHome = xdg };

        var result = await Manager.InstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.True(File.Exists(Path.Combine(xdg, "systemd", "user", "gowatch.service")));
        Assert.False(File.Exists(UnitPath));
    }

    [Fact]
    public void A_relative_XDG_CONFIG_HOME_is_ignored_as_the_XDG_spec_says()
    {
        Fixture.Options = Fixture.Options with { XdgConfigHome = "relative/config" };

        Assert.Equal(UnitPath, Manager.ServiceFilePath);
    }

    [Fact]
    public async Task Reinstalling_a_changed_unit_restarts_the_running_daemon()
    {
        Fixture.Shims.Add("systemctl");
        Directory.CreateDirectory(Path.GetDirectoryName(UnitPath)!);
        await File.WriteAllTextAsync(UnitPath, "[Service]\nExecStart=/old/gowatchd\n");

        var result = await Manager.InstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        AssertCalls(
            Call("--user", "daemon-reload"),
            Call("--user", "enable", "--now", "gowatch.service"),
            Call("--user", "restart", "gowatch.service"));
    }

    [Fact]
    public async Task Reinstalling_an_unchanged_unit_does_not_restart()
    {
        Fixture.Shims.Add("systemctl");
        await Manager.InstallAsync(dryRun: false);

        await Manager.InstallAsync(dryRun: false);

        Assert.DoesNotContain(Fixture.Shims.Calls(), c => c.Arguments.Contains("restart"));
    }

    [Fact]
    public async Task Install_without_a_user_bus_explains_how_to_get_one()
    {
        Fixture.Shims.Add("systemctl", new ShimRule("daemon-reload", new ShimResponse(1, "", "Failed to connect to bus: No medium found\n")));

        var result = await Manager.InstallAsync(dryRun: false);

        Assert.False(result.Succeeded);
        AssertCalls(Call("--user", "daemon-reload"));
        Assert.Contains("could not reach your systemd user manager", result.Message);
        Assert.Contains("loginctl enable-linger", result.Message);
        Assert.Contains("No medium found", result.Message);
    }

    [Fact]
    public async Task Dry_run_install_lists_reload_then_enable()
    {
        var result = await Manager.InstallAsync(dryRun: true);

        Assert.Equal(
            ["systemctl --user daemon-reload", "systemctl --user enable --now gowatch.service"],
            result.Commands.Select(c => c.ToString()));
    }

    [Fact]
    public async Task Uninstall_disables_and_stops_then_removes_the_unit_then_reloads()
    {
        Fixture.Shims.Add("systemctl");
        await Manager.InstallAsync(dryRun: false);
        var before = Fixture.Shims.Calls().Count;

        var result = await Manager.UninstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(
            [Call("--user", "disable", "--now", "gowatch.service").ToString(), Call("--user", "daemon-reload").ToString()],
            Fixture.Shims.Calls().Skip(before).Select(c => c.ToString()));
        Assert.False(File.Exists(UnitPath));
    }

    [Fact]
    public async Task Uninstall_of_a_unit_systemd_does_not_know_succeeds()
    {
        Fixture.Shims.Add("systemctl", new ShimRule("disable",
            new ShimResponse(1, "", "Failed to disable unit: Unit file gowatch.service does not exist.\n")));

        var result = await Manager.UninstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("not installed", result.Message);
        Assert.Equal(2, Fixture.Shims.Calls().Count);
    }

    [Fact]
    public async Task Status_reads_the_properties_systemctl_shows()
    {
        Fixture.Shims.Add("systemctl", new ShimRule("show",
            ShimResponse.Ok("ActiveState=active\nSubState=running\nMainPID=777\nExecMainStatus=0\nLoadState=loaded\n")));

        var result = await Manager.StatusAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        AssertCalls(Call("--user", "show", "gowatch.service", ShowProperties));
        var status = result.Status!;
        Assert.True(status.Loaded);
        Assert.True(status.Running);
        Assert.Equal(777, status.Pid);
        Assert.Equal(0, status.LastExitStatus);
        Assert.Equal("active (running)", status.State);
        Assert.Contains("pid 777", result.Message);
    }

    [Fact]
    public async Task Status_of_a_crashed_daemon_reports_its_exit_status()
    {
        Fixture.Shims.Add("systemctl", new ShimRule("show",
            ShimResponse.Ok("ActiveState=failed\nSubState=failed\nMainPID=0\nExecMainStatus=134\nLoadState=loaded\n")));

        var result = await Manager.StatusAsync(dryRun: false);

        Assert.False(result.Status!.Running);
        Assert.Null(result.Status.Pid);
        Assert.Equal(134, result.Status.LastExitStatus);
        Assert.Contains("last exit status 134", result.Message);
    }

    [Fact]
    public async Task Status_of_an_unknown_unit_says_not_installed()
    {
        Fixture.Shims.Add("systemctl", new ShimRule("show",
            ShimResponse.Ok("ActiveState=inactive\nSubState=dead\nMainPID=0\nExecMainStatus=0\nLoadState=not-found\n")));

        var result = await Manager.StatusAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.False(result.Status!.Loaded);
        Assert.Contains("not installed", result.Message);
    }

    [Fact]
    public async Task A_systemctl_that_hangs_is_cut_off_by_the_timeout()
    {
        Fixture.Shims.Add("systemctl", new ShimRule("show", new ShimResponse { SleepSeconds = 30 }));
        Fixture.Options = Fixture.Options with { CommandTimeout = TimeSpan.FromMilliseconds(500) };

        var result = await Manager.StatusAsync(dryRun: false);

        Assert.False(result.Succeeded);
        Assert.Contains("did not finish", result.Message);
    }
}
