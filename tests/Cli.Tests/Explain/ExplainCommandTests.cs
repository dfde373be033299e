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
    public void At_a_terminal_long_lines_wrap_under_their_own_start_and_piped_they_stay_whole()
    {
        const string longWord = "GOPATH=\"$HOME/an/old/workspace/with/a/rather/deep/layout/of/many/directories\"";
        Write(".zprofile", $"export {longWord}\n");
        Write(".zshrc", "export GOPATH=\"$HOME/projects/go\"\n");

        var piped = _s.Run("explain", "GOPATH").Stdout.ReplaceLineEndings("\n");
        _s.TerminalWidth = 60;
        var terminal = _s.Run("explain", "GOPATH").Stdout.ReplaceLineEndings("\n");

        var pipedLines = piped.TrimEnd('\n').Split('\n');
        Assert.Contains(pipedLines, l => l.Length > 59);
        var lines = terminal.TrimEnd('\n').Split('\n');
        // Only a word longer than a line runs past it, on a line of its own: a value pastes whole.
        Assert.All(lines, l => Assert.True(l.Length <= 59 || l.Trim() == longWord, $"{l.Length} columns: {l}"));
        Assert.Contains(lines, l => l.Trim() == longWord);
        // Every piped line is there, wrapped: its first part where it was, the rest indented under it.
        Assert.True(lines.Length > pipedLines.Length);
        Assert.Equal(Words(piped), Words(terminal));
        var source = Array.FindIndex(lines, l => l.StartsWith("  ~/.zshrc:1: export GOPATH=", StringComparison.Ordinal));
        Assert.True(source >= 0, terminal);
        Assert.StartsWith("      ", lines[source + 1]);
        Assert.StartsWith("GOPATH = ", lines[0]);

        static string[] Words(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
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

    // A watched project with this go.mod; returns its directory.
    private string WatchedProject(string relative, string goMod)
    {
        Write(relative + "/go.mod", goMod);
        var dir = _s.HomePath(relative);
        Assert.Equal(0, _s.Run("watch", "add", dir).ExitCode);
        return dir;
    }

    private static JsonElement Project(JsonElement variable) => Assert.Single(variable.GetProperty("projects").EnumerateArray());

    [Fact]
    public void Debians_go_is_too_old_for_a_go_1_22_line_and_explain_says_it_cannot_switch()
    {
        Write(".zshrc", "export EDITOR=vi\n");
        var version = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/go", "version") { RedirectStandardOutput = true })!;
        var bundled = version.StandardOutput.ReadToEnd().Split(' ')[2];
        version.WaitForExit();
        Assert.True(string.CompareOrdinal(bundled, "go1.21") < 0 && bundled.StartsWith("go1.", StringComparison.Ordinal), $"needs Debian 12's golang-go (1.19); this go is {bundled}");
        WatchedProject("code/api", "module example.com/api\n\ngo 1.22\n");

        var text = _s.Run("explain", "GOTOOLCHAIN").Stdout.ReplaceLineEndings("\n");
        var json = Project(Variable(_s.Run("explain", "GOTOOLCHAIN", "--json"), "GOTOOLCHAIN"));

        Assert.Contains($"  project ~/code/api (go.mod: go 1.22): go.mod asks for go 1.22, but go {bundled[2..]} predates toolchain switching (Go 1.21) and ignores GOTOOLCHAIN", text);
        Assert.Equal("too-old", json.GetProperty("outcome").GetString());
        Assert.Equal(bundled, json.GetProperty("bundled").GetString());
        Assert.Equal("1.22", json.GetProperty("goLine").GetProperty("value").GetString());
        Assert.Equal(3, json.GetProperty("goLine").GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("toolchainLine").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("gotoolchain").ValueKind);
        Assert.Equal(_s.HomePath("code/api/go.mod"), json.GetProperty("goMod").GetString());
    }

    [Fact]
    public void Gotoolchain_local_exported_in_zshrc_keeps_go_1_22_5_from_a_go_1_23_1_project_and_go_says_so_too()
    {
        var bin = FakeGoRoot.Create(_s.HomePath("sdk/go1.22.5"), "go1.22.5", new Dictionary<string, string> { ["GOTOOLCHAIN"] = "local" });
        Write(".zshrc", $"export PATH=\"{bin}:$PATH\"\nexport GOTOOLCHAIN=local\n");
        WatchedProject("code/api", "module example.com/api\n\ngo 1.23.1\n");

        var text = _s.Run("explain", "go", "GOTOOLCHAIN").Stdout.ReplaceLineEndings("\n");
        var json = Project(Variable(_s.Run("explain", "GOTOOLCHAIN", "--json"), "GOTOOLCHAIN"));

        Assert.Contains("GOTOOLCHAIN = local in a terminal, from ~/.zshrc:2\n", text);
        Assert.Contains("  project ~/code/api (go.mod: go 1.23.1): go.mod needs go 1.23.1, go1.22.5 (the bundled toolchain) is older and GOTOOLCHAIN=local never switches: go stops with \"go.mod requires go >= 1.23.1 (running go 1.22.5; GOTOOLCHAIN=local)\"\n", text);
        Assert.Contains("  in project ~/code/api, it is too old for go.mod and cannot switch (gowatch explain GOTOOLCHAIN)\n", text);
        Assert.Equal("too-old", json.GetProperty("outcome").GetString());
        Assert.Equal("local", json.GetProperty("gotoolchain").GetProperty("value").GetString());
        Assert.Equal(_s.Zshrc, json.GetProperty("gotoolchain").GetProperty("file").GetString());
        Assert.Equal(2, json.GetProperty("gotoolchain").GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("runs").ValueKind);
    }

    [Fact]
    public void A_named_toolchain_with_auto_in_the_go_env_file_runs_by_default_and_a_newer_go_line_switches_past_it()
    {
        var bin = FakeGoRoot.Create(_s.HomePath("sdk/go1.22.5"), "go1.22.5", new Dictionary<string, string> { ["GOTOOLCHAIN"] = "go1.23.1+auto" });
        Write(".zshrc", $"export PATH=\"{bin}:$PATH\"\n");
        Write(".config/go/env", "GOTOOLCHAIN=go1.23.1+auto\n");
        WatchedProject("code/old", "module example.com/old\n\ngo 1.22\n");
        WatchedProject("code/new", "module example.com/new\n\ngo 1.24.0\n\ntoolchain go1.24.2\n");

        var gotoolchain = Variable(_s.Run("explain", "GOTOOLCHAIN", "--json"), "GOTOOLCHAIN");
        var projects = gotoolchain.GetProperty("projects").EnumerateArray().ToDictionary(p => Path.GetFileName(p.GetProperty("project").GetString()!));

        Assert.Equal("go env -w", gotoolchain.GetProperty("terminal").GetProperty("from").GetString());
        Assert.Equal(("default", "go1.23.1"), (projects["old"].GetProperty("outcome").GetString(), projects["old"].GetProperty("runs").GetString()));
        Assert.Equal(("switches", "go1.24.2"), (projects["new"].GetProperty("outcome").GetString(), projects["new"].GetProperty("runs").GetString()));
        Assert.Equal(5, projects["new"].GetProperty("toolchainLine").GetProperty("line").GetInt32());
        Assert.Equal(_s.Settings.GoEnvFile, projects["new"].GetProperty("gotoolchain").GetProperty("file").GetString());
    }

    [Fact]
    public void Variables_other_than_gotoolchain_and_go_carry_an_empty_projects_list()
    {
        Write(".zshrc", "export EDITOR=vi\n");
        WatchedProject("code/api", "module example.com/api\n\ngo 1.18\n");

        var result = _s.Run("explain", "GOPATH", "go", "--json");

        Assert.Empty(Variable(result, "GOPATH").GetProperty("projects").EnumerateArray());
        Assert.Equal("default", Project(Variable(result, "go")).GetProperty("outcome").GetString());
    }

    [Fact]
    public void A_project_that_pins_no_goroot_gets_golands_only_sdk_from_go_sdk_xml()
    {
        Write(".zshrc", "export EDITOR=vi\n");
        Write(".config/JetBrains/GoLand2024.1/options/go.sdk.xml", """
            <application>
              <component name="GoSdkList">
                <sdk-url>
                  <set>
                    <option value="file://$USER_HOME$/sdk/go1.22.5" />
                  </set>
                </sdk-url>
              </component>
            </application>
            """);
        Write("code/svc/.idea/workspace.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <project version="4">
              <component name="VgoProject"><integration-enabled>true</integration-enabled></component>
            </project>
            """);
        Assert.Equal(0, _s.Run("watch", "add", _s.HomePath("code/svc")).ExitCode);

        var text = _s.Run("explain", "GOROOT", "go").Stdout.ReplaceLineEndings("\n");
        var goroot = Variable(_s.Run("explain", "GOROOT", "--json"), "GOROOT");

        Assert.Contains("  GoLand, project ~/code/svc: ~/sdk/go1.22.5, from ~/.config/JetBrains/GoLand2024.1/options/go.sdk.xml:5 (GoLand's Go SDK)", text);
        Assert.Contains("  GoLand, project ~/code/svc: ~/sdk/go1.22.5/bin/go, from ~/.config/JetBrains/GoLand2024.1/options/go.sdk.xml:5 (GoLand's Go SDK)", text);
        Assert.Contains("  ~/.config/JetBrains/GoLand2024.1/options/go.sdk.xml:5: <option value=\"file://$USER_HOME$/sdk/go1.22.5\" /> — GoLand's Go SDK: used by projects that pin no GOROOT\n", text);
        var goland = Assert.Single(goroot.GetProperty("goland").EnumerateArray());
        Assert.Equal(_s.HomePath("sdk/go1.22.5"), goland.GetProperty("value").GetString());
    }

    [Fact]
    public void A_goland_project_whose_goroot_is_older_than_its_go_line_is_too_old_in_goland_with_gotoolchain_local_from_the_go_env_file()
    {
        var bin = FakeGoRoot.Create(_s.HomePath("sdk/go1.23.1"), "go1.23.1");
        FakeGoRoot.Create(_s.HomePath("sdk/go1.21.0"), "go1.21.0");
        Write(".zshrc", $"export PATH=\"{bin}:$PATH\"\nexport GOTOOLCHAIN=auto\n");
        Write(".config/go/env", "GOTOOLCHAIN=local\n");
        Write("code/svc/.idea/workspace.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <project version="4">
              <component name="GOROOT" url="file://$USER_HOME$/sdk/go1.21.0" />
            </project>
            """);
        WatchedProject("code/svc", "module example.com/svc\n\ngo 1.22\n");

        var text = _s.Run("explain", "GOTOOLCHAIN").Stdout.ReplaceLineEndings("\n");
        var project = Project(Variable(_s.Run("explain", "GOTOOLCHAIN", "--json"), "GOTOOLCHAIN"));

        Assert.Contains("  project ~/code/svc (go.mod: go 1.22): go1.23.1 (the bundled toolchain) runs: it is at least the go 1.22 go.mod asks for\n"
            + "    in GoLand: go.mod needs go 1.22, go1.21.0 (GoLand's Go at ~/sdk/go1.21.0) is older and GOTOOLCHAIN=local never switches: go stops with \"go.mod requires go >= 1.22 (running go 1.21.0; GOTOOLCHAIN=local)\"\n", text);
        Assert.Equal("default", project.GetProperty("outcome").GetString());
        var goland = project.GetProperty("goland");
        Assert.Equal("too-old", goland.GetProperty("outcome").GetString());
        Assert.Equal("go1.21.0", goland.GetProperty("bundled").GetString());
        Assert.Equal(_s.Settings.GoEnvFile, goland.GetProperty("gotoolchain").GetProperty("file").GetString());
    }
}
