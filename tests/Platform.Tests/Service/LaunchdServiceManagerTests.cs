using GoWatch.Platform.Service;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Service;

public sealed class LaunchdServiceManagerTests : ServiceManagerContract
{
    private const string Target = "gui/501/dev.gowatch.agent";
    private const string IoError = "Bootstrap failed: 5: Input/output error\nTry re-running the command as root for richer errors.\n";

    protected override string Tool => "launchctl";

    protected override IServiceManager CreateManager(ServiceOptions options) => new LaunchdServiceManager(options);

    private LaunchdServiceManager Manager => new(Fixture.Options);
    private string PlistPath => Path.Combine(Fixture.Home, "Library", "LaunchAgents", "dev.gowatch.agent.plist");

    private static RecordedCall Call(params string[] args) => new("launchctl", args);

    private void AssertCalls(params RecordedCall[] expected) =>
        Assert.Equal(expected.Select(c => c.ToString()), Fixture.Shims.Calls().Select(c => c.ToString()));

    [Fact]
    public async Task Install_renders_the_agent_then_enables_and_bootstraps_it_in_the_gui_domain()
    {
        Fixture.Shims.Add("launchctl");

        var result = await Manager.InstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(PlistPath, result.FilePath);
        AssertCalls(Call("enable", Target), Call("bootstrap", "gui/501", PlistPath));
        Assert.Equal(Fixture.Shims.Calls().Select(c => c.Arguments), result.Commands.Select(c => c.Arguments));
        var plist = Plist.ReadRootDict(await File.ReadAllTextAsync(PlistPath));
        Assert.Equal(["/usr/local/share/dotnet/dotnet", "/Applications/Go Watch/gowatchd.dll"], (List<object>)plist["ProgramArguments"]);
        Assert.Equal(Path.Combine(Fixture.Options.LogDir, "gowatchd.err.log"), plist["StandardErrorPath"]);
        // launchd does not create the log dir; install does, private to the user.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Fixture.Options.LogDir));
    }

    [Fact]
    public async Task Installing_over_an_installed_agent_boots_it_out_before_its_plist_is_replaced_by_a_new_file_then_bootstraps()
    {
        // Given an installed agent, and a launchctl that notes what the plist held when bootout ran
        Directory.CreateDirectory(Path.GetDirectoryName(PlistPath)!);
        await File.WriteAllTextAsync(PlistPath, "<plist>old</plist>");
        var oldFile = new FileInfo(PlistPath);
        using var oldHandle = File.OpenHandle(PlistPath);
        var seenAtBootout = Path.Combine(Fixture.Home, "seen-at-bootout");
        Fixture.Shims.Add("launchctl");
        var launchctl = Path.Combine(Fixture.Shims.BinDir, "launchctl");
        var recording = await File.ReadAllTextAsync(launchctl);
        Executables.Write(launchctl, recording.Replace("r=''\n", $"r=''\n[ \"$1\" = bootout ] && cat '{PlistPath}' > '{seenAtBootout}'\n", StringComparison.Ordinal));

        // When it is installed again
        var result = await Manager.InstallAsync(dryRun: false);

        // Then it was stopped while the old plist was still in place, the plist is a new file, and it was loaded again
        Assert.True(result.Succeeded, result.Message);
        AssertCalls(Call("bootout", Target), Call("enable", Target), Call("bootstrap", "gui/501", PlistPath));
        Assert.Equal("<plist>old</plist>", await File.ReadAllTextAsync(seenAtBootout));
        Assert.Contains("/Applications/Go Watch/gowatchd.dll", await File.ReadAllTextAsync(PlistPath));
        // The old file was replaced, not rewritten: its open handle still reads the old bytes.
        var buffer = new byte[64];
        var read = RandomAccess.Read(oldHandle, buffer, 0);
        Assert.Equal("<plist>old</plist>", System.Text.Encoding.UTF8.GetString(buffer, 0, read));
        Assert.Contains("Stopped dev.gowatch.agent, replaced", result.Message);
    }

    [Fact]
    public async Task Dry_run_over_an_installed_agent_lists_bootout_first()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PlistPath)!);
        await File.WriteAllTextAsync(PlistPath, "<plist>old</plist>");
        Fixture.Shims.Add("launchctl");

        var result = await Manager.InstallAsync(dryRun: true);

        Assert.Equal(["bootout", "enable", "bootstrap"], result.Commands.Select(c => c.Arguments[0]));
        Assert.Empty(Fixture.Shims.Calls());
        Assert.Equal("<plist>old</plist>", await File.ReadAllTextAsync(PlistPath));
    }

    [Fact]
    public async Task A_quarantined_daemon_is_installed_with_a_warning_naming_the_attribute()
    {
        var daemon = Path.Combine(Fixture.Home, "GoWatch", "gowatchd");
        Directory.CreateDirectory(Path.GetDirectoryName(daemon)!);
        await File.WriteAllTextAsync(daemon, "#!/bin/sh\n");
        Fixture.Options = Fixture.Options with { Daemon = DaemonLaunch.FromExecutable(daemon) };
        Fixture.Shims.Add("launchctl").Add("xattr", new ShimRule("com.apple.quarantine", ShimResponse.Ok("0083;6650a1b2;Safari;\n")));

        var result = await Manager.InstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains($"Warning: {daemon} is quarantined (com.apple.quarantine 0083;6650a1b2;Safari;)", result.Message);
        Assert.Contains(Fixture.Shims.Calls(), c => c.ToString() == new RecordedCall("xattr", ["-p", "com.apple.quarantine", daemon]).ToString());
    }

    [Fact]
    public async Task A_daemon_without_the_quarantine_attribute_is_installed_without_a_warning()
    {
        var daemon = Path.Combine(Fixture.Home, "GoWatch", "gowatchd");
        Directory.CreateDirectory(Path.GetDirectoryName(daemon)!);
        await File.WriteAllTextAsync(daemon, "#!/bin/sh\n");
        Fixture.Options = Fixture.Options with { Daemon = DaemonLaunch.FromExecutable(daemon) };
        Fixture.Shims.Add("launchctl").Add("xattr", new ShimRule("com.apple.quarantine", new ShimResponse(1, "", $"xattr: {daemon}: No such xattr: com.apple.quarantine\n")));

        var result = await Manager.InstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.DoesNotContain("quarantined", result.Message);
    }

    [Fact]
    public async Task Install_when_the_agent_is_already_loaded_boots_it_out_and_retries_once()
    {
        Fixture.Shims.Add("launchctl", new ShimRule("bootstrap",
            new ShimResponse(37, "", "service already loaded\n"),
            ShimResponse.Ok()));

        var result = await Manager.InstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        AssertCalls(
            Call("enable", Target),
            Call("bootstrap", "gui/501", PlistPath),
            Call("bootout", Target),
            Call("bootstrap", "gui/501", PlistPath));
        Assert.Contains("booted it out", result.Message);
    }

    [Fact]
    public async Task Install_treats_error_5_as_possibly_loaded_and_succeeds_when_the_retry_does()
    {
        Fixture.Shims.Add("launchctl", new ShimRule("bootstrap", new ShimResponse(5, "", IoError), ShimResponse.Ok()));

        var result = await Manager.InstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(["enable", "bootstrap", "bootout", "bootstrap"], Fixture.Shims.Calls().Select(c => c.Arguments[0]));
    }

    [Fact]
    public async Task Install_retries_only_once_and_explains_bootstrap_error_5_when_it_persists()
    {
        Fixture.Shims.Add("launchctl", new ShimRule("bootstrap", new ShimResponse(5, "", IoError)));

        var result = await Manager.InstallAsync(dryRun: false);

        Assert.False(result.Succeeded);
        AssertCalls(
            Call("enable", Target),
            Call("bootstrap", "gui/501", PlistPath),
            Call("bootout", Target),
            Call("bootstrap", "gui/501", PlistPath));
        Assert.Contains("Bootstrap failed: 5: Input/output error", result.Message);
        Assert.Contains("still loaded", result.Message);
        Assert.Contains("plutil -lint", result.Message);
        Assert.Contains("wrong domain", result.Message);
        Assert.Contains("not over SSH", result.Message);
        // The plist stays so the user can inspect it.
        Assert.True(File.Exists(PlistPath));
    }

    [Fact]
    public async Task Install_does_not_retry_an_error_that_is_not_about_an_already_loaded_agent()
    {
        Fixture.Shims.Add("launchctl", new ShimRule("bootstrap", new ShimResponse(125, "", "Bootstrap failed: 125: Domain does not support specified action\n")));

        var result = await Manager.InstallAsync(dryRun: false);

        Assert.False(result.Succeeded);
        Assert.Equal(["enable", "bootstrap"], Fixture.Shims.Calls().Select(c => c.Arguments[0]));
        Assert.Contains("logged in at the Mac's screen", result.Message);
    }

    [Fact]
    public async Task Dry_run_install_lists_enable_then_bootstrap()
    {
        var result = await Manager.InstallAsync(dryRun: true);

        Assert.Equal(
            ["launchctl enable gui/501/dev.gowatch.agent", $"launchctl bootstrap gui/501 '{PlistPath}'"],
            result.Commands.Select(c => c.ToString()));
        Assert.Null(result.Commands[0].ToolPath);
    }

    [Fact]
    public async Task Uninstall_boots_the_agent_out_then_removes_the_plist()
    {
        Fixture.Shims.Add("launchctl");
        Directory.CreateDirectory(Path.GetDirectoryName(PlistPath)!);
        await File.WriteAllTextAsync(PlistPath, Manager.Render());

        var result = await Manager.UninstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        AssertCalls(Call("bootout", Target));
        Assert.False(File.Exists(PlistPath));
        Assert.Contains("Stopped", result.Message);
    }

    [Fact]
    public async Task Uninstall_of_an_agent_that_is_not_loaded_still_removes_the_plist()
    {
        Fixture.Shims.Add("launchctl", new ShimRule("bootout", new ShimResponse(3, "", "Boot-out failed: 3: No such process\n")));
        Directory.CreateDirectory(Path.GetDirectoryName(PlistPath)!);
        await File.WriteAllTextAsync(PlistPath, "x");

        var result = await Manager.UninstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.False(File.Exists(PlistPath));
        Assert.Contains("was not loaded", result.Message);
    }

    [Fact]
    public async Task Uninstall_keeps_the_plist_when_bootout_fails_for_another_reason()
    {
        Fixture.Shims.Add("launchctl", new ShimRule("bootout", new ShimResponse(1, "", "Boot-out failed: 1: Operation not permitted\n")));
        Directory.CreateDirectory(Path.GetDirectoryName(PlistPath)!);
        await File.WriteAllTextAsync(PlistPath, "x");

        var result = await Manager.UninstallAsync(dryRun: false);

        Assert.False(result.Succeeded);
        Assert.True(File.Exists(PlistPath));
        Assert.Contains("Operation not permitted", result.Message);
    }

    [Fact]
    public async Task Status_reads_state_pid_and_last_exit_code_from_launchctl_print()
    {
        const string printed = """
            gui/501/dev.gowatch.agent = {
            	active count = 1
            	path = /Users/dev/Library/LaunchAgents/dev.gowatch.agent.plist
            	type = LaunchAgent
            	state = running

            	program = /usr/local/share/dotnet/dotnet
            	arguments = {
            		/usr/local/share/dotnet/dotnet
            		/Applications/Go Watch/gowatchd.dll
            	}

            	environment = {
            		state = not-the-service-state
            	}

            	pid = 4242
            	immediate reason = speculative
            	last exit code = 78: EX_CONFIG
            }
            """;
        Fixture.Shims.Add("launchctl", new ShimRule("print", ShimResponse.Ok(printed)));

        var result = await Manager.StatusAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        AssertCalls(Call("print", Target));
        var status = Assert.IsType<ServiceStatus>(result.Status);
        Assert.True(status.Loaded);
        Assert.True(status.Running);
        Assert.False(status.Installed);
        Assert.Equal("running", status.State);
        Assert.Equal(4242, status.Pid);
        Assert.Equal(78, status.LastExitStatus);
        Assert.Contains("pid 4242", result.Message);
    }

    [Fact]
    public async Task Status_of_an_agent_that_never_exited_and_is_not_running()
    {
        Fixture.Shims.Add("launchctl", new ShimRule("print", ShimResponse.Ok(
            "gui/501/dev.gowatch.agent = {\n\tstate = not running\n\tlast exit code = (never exited)\n}\n")));

        var status = (await Manager.StatusAsync(dryRun: false)).Status!;

        Assert.False(status.Running);
        Assert.Null(status.Pid);
        Assert.Null(status.LastExitStatus);
        Assert.Equal("not running", status.State);
    }

    [Fact]
    public async Task Status_of_an_unknown_service_says_not_loaded()
    {
        Fixture.Shims.Add("launchctl", new ShimRule("print",
            new ShimResponse(113, "", "Could not find service \"dev.gowatch.agent\" in domain for user gui: 501\n")));

        var result = await Manager.StatusAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.False(result.Status!.Loaded);
        Assert.Contains("not installed", result.Message);
    }

    private const string DisabledHere = "disabled services = {\n\t\"com.docker.helper\" => enabled\n\t\"dev.gowatch.agent\" => disabled\n}\n";

    [Fact]
    public async Task Status_of_an_agent_switched_off_in_login_items_explains_background_items_and_how_to_turn_it_on()
    {
        File.WriteAllText(PlistPathCreated(), "<plist/>");
        Fixture.Shims.Add("launchctl",
            new ShimRule("print-disabled", ShimResponse.Ok(DisabledHere)),
            new ShimRule("print", new ShimResponse(113, "", "Could not find service \"dev.gowatch.agent\" in domain for user gui: 501\n")));

        var result = await Manager.StatusAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        AssertCalls(Call("print", Target), Call("print-disabled", "gui/501"));
        Assert.True(result.Status!.Disabled);
        Assert.False(result.Status.Loaded);
        Assert.Contains("\"Allow in the Background\"", result.Message);
        Assert.Contains("Login Items", result.Message);
        Assert.Contains("Background Items Added", result.Message);
        Assert.Contains("listed as \"dotnet\"", result.Message);
        Assert.Contains($"launchctl enable {Target}", result.Message);
        Assert.DoesNotContain("run `gowatch service install` to load it", result.Message);
    }

    [Fact]
    public async Task Status_of_an_installed_agent_that_is_not_disabled_just_says_it_is_not_loaded()
    {
        File.WriteAllText(PlistPathCreated(), "<plist/>");
        Fixture.Shims.Add("launchctl",
            new ShimRule("print-disabled", ShimResponse.Ok(DisabledHere.Replace("=> disabled", "=> enabled", StringComparison.Ordinal))),
            new ShimRule("print", new ShimResponse(113, "", "Could not find service \"dev.gowatch.agent\" in domain for user gui: 501\n")));

        var result = await Manager.StatusAsync(dryRun: false);

        Assert.False(result.Status!.Disabled);
        Assert.Contains("run `gowatch service install` to load it", result.Message);
        Assert.DoesNotContain("Login Items", result.Message);
    }

    [Fact]
    public async Task Status_of_a_running_agent_does_not_ask_whether_it_is_disabled()
    {
        Fixture.Shims.Add("launchctl",
            new ShimRule("print-disabled", ShimResponse.Ok(DisabledHere)),
            new ShimRule("print", ShimResponse.Ok("gui/501/dev.gowatch.agent = {\n\tstate = running\n\tpid = 7\n}\n")));

        var result = await Manager.StatusAsync(dryRun: false);

        AssertCalls(Call("print", Target));
        Assert.False(result.Status!.Disabled);
        Assert.True(result.Status.Running);
    }

    [Fact]
    public async Task Status_of_a_loaded_agent_that_stopped_and_is_disabled_says_why_it_will_not_start_again()
    {
        Fixture.Shims.Add("launchctl",
            new ShimRule("print-disabled", ShimResponse.Ok(DisabledHere)),
            new ShimRule("print", ShimResponse.Ok("gui/501/dev.gowatch.agent = {\n\tstate = not running\n\tlast exit code = 0\n}\n")));

        var result = await Manager.StatusAsync(dryRun: false);

        Assert.True(result.Status!.Disabled);
        Assert.Contains("loaded but not running, and launchd has it disabled", result.Message);
    }

    private string PlistPathCreated()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PlistPath)!);
        return PlistPath;
    }
}
