using GoWatch.Platform.Processes;
using GoWatch.Platform.Service;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Service;

public sealed class SystemdUnitTemplateTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IReadOnlyList<string> Lines(string unit) => unit.Split('\n');

    [Fact]
    public void Unit_runs_the_daemon_as_a_simple_service_restarted_on_failure_at_idle_priority()
    {
        var lines = Lines(ServiceTemplates.RenderSystemdUnit(DaemonLaunch.FromExecutable("/opt/gowatch/gowatchd")));

        Assert.Contains("Type=simple", lines);
        Assert.Contains("ExecStart=\"/opt/gowatch/gowatchd\"", lines);
        Assert.Contains("Restart=on-failure", lines);
        Assert.Contains("IOSchedulingClass=idle", lines);
        Assert.Contains(lines, l => l.StartsWith("Nice=", StringComparison.Ordinal));
        Assert.Contains("WantedBy=default.target", lines);
        Assert.DoesNotContain(lines, l => l.Contains("{{", StringComparison.Ordinal));
    }

    [Fact]
    public void ExecStart_quotes_every_argument_by_systemd_rules()
    {
        var unit = ServiceTemplates.RenderSystemdUnit(DaemonLaunch.FromDll(
            "/usr/lib/dotnet/dotnet", "/home/dev/" + Hostile.DirectoryName + "/gowatchd.dll", "back\\slash", "line\nbreak", ";"));

        // " and \ escaped, $ and % doubled (variables and specifiers), newline as a C escape, ";" quoted so it is no separator.
        Assert.Contains(
            "ExecStart=\"/usr/lib/dotnet/dotnet\" \"/home/dev/Go \\\"Watch\\\" & <logs> 'q' $$HOME %%h/gowatchd.dll\" \"back\\\\slash\" \"line\\nbreak\" \";\"",
            Lines(unit));
    }

    [Fact]
    public void Environment_lines_are_quoted_without_dollar_doubling()
    {
        var environment = new Dictionary<string, string> { ["GOWATCH_DATA_DIR"] = "/home/dev/" + Hostile.DirectoryName };

        var unit = ServiceTemplates.RenderSystemdUnit(DaemonLaunch.FromExecutable("/opt/gowatchd") with { Environment = environment });

        Assert.Contains("Environment=\"GOWATCH_DATA_DIR=/home/dev/Go \\\"Watch\\\" & <logs> 'q' $HOME %%h\"", Lines(unit));
    }

    [Fact]
    public async Task Unit_with_hostile_paths_passes_systemd_analyze_verify()
    {
        var analyze = new ToolLocator(["/usr/bin", "/bin"]).Find("systemd-analyze");
        Assert.True(analyze is not null, "systemd-analyze is missing: install the Debian package systemd.");
        // A real executable under a directory with spaces, & < > $ and % (systemd refuses quotes there).
        var binDir = _temp.Combine("bin dir & <x> $HOME %h");
        Directory.CreateDirectory(binDir);
        var exe = Path.Combine(binDir, "gowatchd");
        await File.WriteAllTextAsync(exe, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(exe, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var unitFile = _temp.Combine("gowatch.service");
        var environment = new Dictionary<string, string> { ["GOWATCH_LOG_DIR"] = "/l/" + Hostile.DirectoryName + "\nx" };
        var daemon = DaemonLaunch.FromExecutable(exe, "/home/dev/" + Hostile.DirectoryName + "/x.dll", "a\\b", "new\nline", ";", "\u0007") with { Environment = environment };
        await File.WriteAllTextAsync(unitFile, ServiceTemplates.RenderSystemdUnit(daemon));

        var result = await ProcessRunner.RunAsync(new ProcessSpec(analyze!, ["verify", unitFile]) { Timeout = TimeSpan.FromSeconds(20) }, CancellationToken.None);

        Assert.True(result.ExitCode == 0, $"systemd-analyze verify failed ({result.ExitCode}):\n{result.Stderr}\n{result.Stdout}");
    }

    [Theory]
    [InlineData("/opt/go\"watch/gowatchd")]
    [InlineData("/opt/go'watch/gowatchd")]
    [InlineData("/opt/go\\watch/gowatchd")]
    [InlineData("/opt/go\nwatch/gowatchd")]
    public void An_executable_path_systemd_would_refuse_is_refused_at_render_time(string exe)
    {
        var ex = Assert.Throws<ServiceTemplateException>(() => ServiceTemplates.RenderSystemdUnit(DaemonLaunch.FromExecutable(exe)));
        Assert.Contains("systemd cannot start", ex.Message);
    }

    [Fact]
    public void The_template_in_the_repository_is_the_one_embedded()
    {
        var repoTemplate = Path.Combine(LaunchAgentTemplateTests.RepositoryRoot(), "launchd", "gowatch.service");
        Assert.Equal(File.ReadAllText(repoTemplate), ServiceTemplates.LoadTemplate(ServiceTemplates.SystemdUnitResource));
    }
}
