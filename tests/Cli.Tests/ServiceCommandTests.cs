using System.Text.Json;
using GoWatch.Cli.Commands;
using GoWatch.Cli.Tests.Support;
using GoWatch.Platform;

namespace GoWatch.Cli.Tests;

/// <summary>
/// <c>gowatch service</c> with launchctl / systemctl shims first on PATH, and a fake install
/// folder holding gowatch and gowatchd as a .NET tool package lays them out.
/// </summary>
public sealed class ServiceCommandTests : IDisposable
{
    private readonly CliScenario _mac = new(PlatformKind.MacOS);
    private readonly CliScenario _linux = new(PlatformKind.Linux);
    private readonly ShimDirectory _shims = new();
    private readonly string _apps = Directory.CreateTempSubdirectory("gowatch-apps-").FullName;

    public ServiceCommandTests()
    {
        Directory.CreateDirectory(InstallDir);
        File.WriteAllText(Path.Combine(InstallDir, "gowatch.dll"), "");
        Directory.CreateDirectory(Path.GetDirectoryName(Dotnet)!);
        Executables.Write(Dotnet, "#!/bin/sh\n");
    }

    public void Dispose()
    {
        _mac.Dispose();
        _linux.Dispose();
        _shims.Dispose();
        Directory.Delete(_apps, recursive: true);
    }

    private string InstallDir => Path.Combine(_apps, "tools", ".store", "gowatch");
    private string Dotnet => Path.Combine(_apps, "dotnet", "dotnet");
    private string DaemonDll => Path.Combine(InstallDir, "gowatchd.dll");

    private void GivenTheDaemonDllBesideGowatch() => File.WriteAllText(DaemonDll, "");

    private ServiceCommand.Host Host(CliScenario s, params (string Name, string Value)[] extra)
    {
        var env = new Dictionary<string, string>
        {
            ["PATH"] = _shims.BinDir + ":/usr/bin:/bin",
            ["HOME"] = s.Home,
            ["GOWATCH_DATA_DIR"] = s.Settings.DataDir,
            ["XDG_CONFIG_HOME"] = Path.Combine(s.Home, ".config"),
            ["UNRELATED"] = "not forwarded",
        };
        foreach (var (name, value) in extra)
        {
            env[name] = value;
        }
        return new ServiceCommand.Host(InstallDir, Dotnet, env);
    }

    private CliResult Service(CliScenario s, ServiceCommand.Host host, params string[] args) =>
        s.Run(c => ServiceCommand.Create(c, host), ["service", .. args]);

    [Fact]
    public void Install_dry_run_on_macos_prints_the_agent_and_the_launchctl_commands_and_changes_nothing()
    {
        GivenTheDaemonDllBesideGowatch();
        _shims.Add("launchctl");

        var result = Service(_mac, Host(_mac), "install", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("<string>dev.gowatch.agent</string>", result.Stdout);
        Assert.Contains($"<string>{Dotnet}</string>", result.Stdout);
        Assert.Contains($"<string>{DaemonDll}</string>", result.Stdout);
        Assert.Contains("$ launchctl enable gui/", result.Stdout);
        Assert.Contains("$ launchctl bootstrap gui/", result.Stdout);
        Assert.Empty(_shims.Calls());
        Assert.False(Directory.Exists(Path.Combine(_mac.Home, "Library", "LaunchAgents")));
    }

    [Fact]
    public void Install_on_macos_writes_the_agent_and_bootstraps_it_with_launchctl_from_PATH()
    {
        GivenTheDaemonDllBesideGowatch();
        _shims.Add("launchctl");

        var result = Service(_mac, Host(_mac), "install");

        Assert.True(result.ExitCode == 0, result.ToString());
        var plist = Path.Combine(_mac.Home, "Library", "LaunchAgents", "dev.gowatch.agent.plist");
        var content = File.ReadAllText(plist);
        Assert.Contains(_mac.Settings.DataDir, content);
        Assert.DoesNotContain("not forwarded", content);
        var calls = _shims.Calls();
        Assert.Equal(["enable", "bootstrap"], calls.Select(c => c.Arguments[0]));
        Assert.Equal(plist, calls[1].Arguments[2]);
        Assert.StartsWith("gui/", calls[1].Arguments[1]);
    }

    [Fact]
    public void On_linux_the_systemd_user_unit_is_managed_with_systemctl_user()
    {
        GivenTheDaemonDllBesideGowatch();
        _shims.Add("systemctl");

        var result = Service(_linux, Host(_linux), "install");

        Assert.True(result.ExitCode == 0, result.ToString());
        var unit = File.ReadAllText(Path.Combine(_linux.Home, ".config", "systemd", "user", "gowatch.service"));
        Assert.Contains(DaemonDll, unit);
        Assert.All(_shims.Calls(), c => Assert.Equal("--user", c.Arguments[0]));
        Assert.Contains(_shims.Calls(), c => c.Arguments.SequenceEqual(["--user", "enable", "--now", "gowatch.service"]));
    }

    [Fact]
    public void The_daemon_executable_beside_gowatch_is_preferred_to_its_dll()
    {
        GivenTheDaemonDllBesideGowatch();
        var apphost = Path.Combine(InstallDir, "gowatchd");
        File.WriteAllText(apphost, "");
        File.SetUnixFileMode(apphost, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var result = Service(_mac, Host(_mac), "install", "--dry-run", "--json");

        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Contains($"<string>{apphost}</string>", json.GetProperty("fileContent").GetString());
        Assert.DoesNotContain("gowatchd.dll", json.GetProperty("fileContent").GetString());
    }

    [Fact]
    public void GOWATCH_DAEMON_PATH_names_the_daemon_when_it_is_not_beside_gowatch()
    {
        var elsewhere = Path.Combine(_apps, "elsewhere", "gowatchd.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        File.WriteAllText(elsewhere, "");

        var result = Service(_linux, Host(_linux, ("GOWATCH_DAEMON_PATH", elsewhere)), "install", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(elsewhere, result.Stdout);
    }

    [Fact]
    public void GOWATCH_DAEMON_PATH_wins_over_the_daemon_beside_gowatch()
    {
        GivenTheDaemonDllBesideGowatch();
        var native = Path.Combine(_apps, "native");
        Directory.CreateDirectory(native);
        File.WriteAllText(Path.Combine(native, "gowatchd"), "");
        File.SetUnixFileMode(Path.Combine(native, "gowatchd"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var result = Service(_linux, Host(_linux, ("GOWATCH_DAEMON_PATH", native)), "install", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(Path.Combine(native, "gowatchd"), result.Stdout);
        Assert.DoesNotContain(DaemonDll, result.Stdout);
    }

    [Fact]
    public void Without_a_daemon_to_run_service_install_exits_1_and_says_how_to_fix_it()
    {
        var result = Service(_mac, Host(_mac), "install");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Cannot find gowatchd", result.Stderr);
        Assert.Contains("GOWATCH_DAEMON_PATH", result.Stderr);
    }

    [Fact]
    public void Status_and_uninstall_dry_run_work_without_a_daemon_to_run()
    {
        _shims.Add("launchctl", exitCode: 113, stderr: "Could not find service \"dev.gowatch.agent\" in domain for user gui: 0");

        var status = Service(_mac, Host(_mac), "status");
        var uninstall = Service(_mac, Host(_mac), "uninstall", "--dry-run");

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("installed: no", status.Stdout);
        Assert.True(uninstall.ExitCode == 0, uninstall.ToString());
        Assert.Contains("$ launchctl bootout gui/", uninstall.Stdout);
        Assert.DoesNotContain("Cannot find gowatchd", status.All + uninstall.All);
    }

    [Fact]
    public void An_install_dry_run_says_what_it_would_do_before_showing_it()
    {
        GivenTheDaemonDllBesideGowatch();

        var result = Service(_linux, Host(_linux), "install", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        var text = result.Stdout;
        var says = text.IndexOf("Would write", StringComparison.Ordinal);
        Assert.True(says == 0, text);
        Assert.True(text.IndexOf("[Service]", StringComparison.Ordinal) > says, text);
        Assert.True(text.LastIndexOf("$ systemctl --user enable --now gowatch.service", StringComparison.Ordinal) > text.IndexOf("[Install]", StringComparison.Ordinal), text);
    }

    [Theory]
    [InlineData(PlatformKind.MacOS)]
    [InlineData(PlatformKind.Linux)]
    public void The_generated_service_file_holds_no_notes_about_the_template(PlatformKind platform)
    {
        GivenTheDaemonDllBesideGowatch();
        var s = platform == PlatformKind.MacOS ? _mac : _linux;

        var result = Service(s, Host(s), "install", "--dry-run", "--json");

        var content = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("fileContent").GetString()!;
        Assert.DoesNotContain("Placeholders", content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("double braces", content);
        Assert.DoesNotContain("{{", content);
        Assert.DoesNotContain("##", content);
        Assert.Contains("Written by `gowatch service install`", content);
    }

    [Fact]
    public void A_failing_launchctl_exits_1_with_its_error()
    {
        GivenTheDaemonDllBesideGowatch();
        _shims.Add("launchctl", exitCode: 125, stderr: "Bootstrap failed: 125: Domain does not support specified action");

        var result = Service(_mac, Host(_mac), "install");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Domain does not support specified action", result.Stderr);
    }

    [Fact]
    public void Status_and_uninstall_report_what_launchd_says()
    {
        GivenTheDaemonDllBesideGowatch();
        _shims.Add("launchctl", exitCode: 113, stderr: "Could not find service \"dev.gowatch.agent\" in domain for user gui: 0");

        var status = Service(_mac, Host(_mac), "status", "--json");
        var uninstall = Service(_mac, Host(_mac), "uninstall");

        Assert.True(status.ExitCode == 0, status.ToString());
        var json = JsonDocument.Parse(status.Stdout).RootElement;
        Assert.False(json.GetProperty("status").GetProperty("installed").GetBoolean());
        Assert.False(json.GetProperty("status").GetProperty("running").GetBoolean());
        Assert.False(json.GetProperty("status").GetProperty("disabled").GetBoolean());
        Assert.Equal(0, uninstall.ExitCode);
        Assert.Contains("not installed", uninstall.Stdout);
        // A status that finds the agent not loaded also asks whether launchd has it disabled (Login Items).
        Assert.Equal(["print", "print-disabled", "bootout"], _shims.Calls().Select(c => c.Arguments[0]));
    }
}
