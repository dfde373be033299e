using System.Text.Json;
using GoWatch.Checks.Probes;
using GoWatch.Cli.Commands;
using GoWatch.Cli.Tests.Support;
using GoWatch.Platform.Service;

namespace GoWatch.Cli.Tests.Explain;

/// <summary><c>gowatch explain</c> end to end in-process, with the real zsh reading real startup files in a temp HOME.</summary>
public sealed class ExplainCommandTests : IDisposable
{
    private readonly CliScenario _s = new(shell: "/usr/bin/zsh");

    public void Dispose() => _s.Dispose();

    private void Write(string relative, string text)
    {
        var path = _s.HomePath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static JsonElement Variable(CliResult result, string name) =>
        JsonDocument.Parse(result.Stdout).RootElement.GetProperty("variables").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);

    // A desktop session read through a fake systemctl that prints this environment.
    private CliResult RunWithDesktopSession(ShimDirectory shims, params string[] args) =>
        _s.Run(context => ExplainCommand.Create(context, new FactsCollector(new LoginShellProbe(), new GoProbe(), new InstallationScanner(), new GoEnvFileReader(),
            new GoLandReader(), new PathProbe(), new ToolScanner(), new DesktopSessionProbe(new ToolLocator([shims.BinDir])))), args);

    [Fact]
    public void A_gopath_set_in_zprofile_and_again_in_zshrc_is_won_by_the_zshrc_line_which_overrode_the_zprofile_one()
    {
        Write(".zprofile", "export GOPATH=\"$HOME/old\"\n");
        Write(".zshrc", "export EDITOR=vi\nexport GOPATH=\"$HOME/work\"\n");

        var result = _s.Run("explain", "GOPATH");

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout.ReplaceLineEndings("\n");
        Assert.StartsWith("GOPATH = ~/work in a terminal, from ~/.zshrc:2\n", text);
        Assert.Contains("  ~/.zprofile:1: export GOPATH=\"$HOME/old\" — overridden by ~/.zshrc:2\n", text);
        Assert.Contains("  ~/.zshrc:2: export GOPATH=\"$HOME/work\" — exported by the login shell: wins in a terminal\n", text);
        Assert.DoesNotContain("GOROOT", text);
    }

    [Fact]
    public void Json_names_the_winning_line_and_lists_the_overridden_one_first()
    {
        Write(".zprofile", "export GOPATH=\"$HOME/old\"\n");
        Write(".zshrc", "export GOPATH=\"$HOME/work\"\n");

        var result = _s.Run("explain", "GOPATH", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("schemaVersion").GetInt32());
        var gopath = Variable(result, "GOPATH");
        Assert.Equal(Path.Combine(_s.Home, "work"), gopath.GetProperty("terminal").GetProperty("value").GetString());
        Assert.Equal("~/.zshrc:1", gopath.GetProperty("terminal").GetProperty("from").GetString());
        var shell = gopath.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("environment").GetString() == "shell").ToList();
        Assert.Equal([_s.HomePath(".zprofile"), _s.Zshrc], shell.Select(s => s.GetProperty("file").GetString()));
        Assert.Equal(JsonValueKind.Null, shell[0].GetProperty("value").ValueKind);
        Assert.Equal("overridden by ~/.zshrc:1", shell[0].GetProperty("note").GetString());
    }

    [Fact]
    public void Modules_switched_off_in_the_go_env_file_are_beaten_by_the_shells_export_in_a_terminal_but_not_in_GoLand()
    {
        Write(".config/go/env", "GO111MODULE=off\n");
        Write(".zshrc", "export GO111MODULE=on\n");

        var result = _s.Run("explain", "go111module", "--json");

        Assert.Equal(0, result.ExitCode);
        var modules = Variable(result, "GO111MODULE");
        Assert.Equal("on", modules.GetProperty("terminal").GetProperty("value").GetString());
        Assert.Equal("~/.zshrc:1", modules.GetProperty("terminal").GetProperty("from").GetString());
        var goenv = modules.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("environment").GetString() == "goenv");
        Assert.Equal("off", goenv.GetProperty("value").GetString());
        Assert.Equal(_s.Settings.GoEnvFile, goenv.GetProperty("file").GetString());
        Assert.Equal(1, goenv.GetProperty("line").GetInt32());
        Assert.Equal("go env -w; beaten in the terminal by the exported variable (~/.zshrc:1)", goenv.GetProperty("note").GetString());
        // GoLand inherits the desktop session, not the shell: the env file's off applies there.
        var goland = Assert.Single(modules.GetProperty("goland").EnumerateArray());
        Assert.Equal("off", goland.GetProperty("value").GetString());
        Assert.Equal("go env -w", goland.GetProperty("from").GetString());
    }

    [Fact]
    public void A_goland_projects_goroot_from_workspace_xml_wins_in_that_project()
    {
        Write(".zshrc", "export EDITOR=vi\n");
        var project = _s.HomePath("code/svc");
        Write("code/svc/.idea/workspace.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <project version="4">
              <component name="GOROOT" url="file://$USER_HOME$/sdk/go1.22.5" />
            </project>
            """);
        Assert.Equal(0, _s.Run("watch", "add", project).ExitCode);

        var result = _s.Run("explain", "GOROOT", "go");

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout.ReplaceLineEndings("\n");
        Assert.Contains("  ~/code/svc/.idea/workspace.xml:3: <component name=\"GOROOT\" url=\"file://$USER_HOME$/sdk/go1.22.5\" /> — GOROOT of project ~/code/svc\n", text);
        Assert.Contains("  GoLand, project ~/code/svc: ~/sdk/go1.22.5, from ~/code/svc/.idea/workspace.xml:3 (not the terminal's!)\n", text);
        Assert.Contains("  GoLand, project ~/code/svc: ~/sdk/go1.22.5/bin/go, from ~/code/svc/.idea/workspace.xml:3", text);
    }

    [Fact]
    public void The_go_on_path_is_blamed_on_the_line_that_set_path()
    {
        Write(".zshrc", "export EDITOR=vi\nexport PATH=\"/usr/bin:/bin\"\n");

        var go = Variable(_s.Run("explain", "go", "--json"), "go");

        Assert.Equal("/usr/bin/go", go.GetProperty("terminal").GetProperty("value").GetString());
        Assert.Equal("~/.zshrc:2", go.GetProperty("terminal").GetProperty("from").GetString());
    }

    [Fact]
    public void A_goroot_the_desktop_session_sets_is_what_GoLand_uses_and_is_listed_as_a_source()
    {
        Write(".zshrc", "export GOROOT=/usr/lib/go\n");
        using var shims = new ShimDirectory().Add("systemctl", stdout: "HOME=/home/u\nGOROOT=/opt/go-desktop\nPATH=/usr/bin:/bin\n");

        var result = RunWithDesktopSession(shims, "explain", "GOROOT", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["--user", "show-environment"], Assert.Single(shims.Calls()).Arguments);
        var goroot = Variable(result, "GOROOT");
        Assert.Equal("/usr/lib/go", goroot.GetProperty("terminal").GetProperty("value").GetString());
        var desktop = goroot.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("environment").GetString() == "desktop");
        Assert.Equal("/opt/go-desktop", desktop.GetProperty("value").GetString());
        var goland = Assert.Single(goroot.GetProperty("goland").EnumerateArray());
        Assert.Equal("/opt/go-desktop", goland.GetProperty("value").GetString());
        Assert.Equal("desktop session", goland.GetProperty("from").GetString());
    }

    [Fact]
    public void A_desktop_session_that_cannot_be_read_is_said_once_with_the_reason()
    {
        Write(".zshrc", "export EDITOR=vi\n");
        using var shims = new ShimDirectory().Add("systemctl", exitCode: 1, stderr: "Failed to connect to bus: No medium found\n");

        var result = RunWithDesktopSession(shims, "explain", "GOFLAGS");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("The desktop session was not read (systemctl --user show-environment failed (exit 1): Failed to connect to bus: No medium found): GoLand's values assume it sets nothing.\n",
            result.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_unknown_variable_is_a_one_line_usage_error_naming_the_nearest()
    {
        var result = _s.Run("explain", "GOPAHT");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("gowatch explain: unknown variable 'GOPAHT' (did you mean GOPATH?)\n", result.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_secret_in_a_proxy_url_from_the_go_env_file_is_masked()
    {
        Write(".config/go/env", "GOPROXY=https://me:s3cr3tT0kenValue@proxy.example.com\n");
        Write(".zshrc", "export EDITOR=vi\n");

        var human = _s.Run("explain", "GOPROXY");
        var json = _s.Run("explain", "GOPROXY", "--json");

        Assert.Contains("GOPROXY = https://me:****@proxy.example.com in a terminal, from go env -w", human.Stdout);
        Assert.DoesNotContain("s3cr3tT0kenValue", human.Stdout + json.Stdout);
    }
}
