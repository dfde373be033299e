using GoWatch.Checks;
using GoWatch.Checks.Facts;
using GoWatch.Cli.Explain;
using GoWatch.Platform;

namespace GoWatch.Cli.Tests.Explain;

/// <summary>The precedence <c>gowatch explain</c> encodes, over hand-built facts of a Mac.</summary>
public sealed class ExplainerTests
{
    private const string Home = "/Users/u";
    private const string Zshrc = Home + "/.zshrc";
    private const string EnvFile = Home + "/Library/Application Support/go/env";

    private static MachineFacts Mac(
        Dictionary<string, string>? shell = null,
        Dictionary<string, Evidence>? assignments = null,
        GoEnvFileEntry[]? envFile = null,
        Dictionary<string, string>? desktop = null,
        GoLandProject[]? projects = null) => new()
    {
        Host = new HostFacts(PlatformKind.MacOS, "arm64", "/bin/zsh", Home),
        Shell = new ShellFacts
        {
            ShellPath = "/bin/zsh",
            Kind = ShellKind.Zsh,
            Exists = true,
            ExitCode = 0,
            Environment = shell ?? new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
            Assignments = assignments ?? [],
        },
        GoEnvFile = new GoEnvFileFacts { Path = EnvFile, Exists = envFile is not null, Entries = envFile ?? [] },
        Desktop = new DesktopSessionFacts { Source = "launchctl getenv", Variables = desktop ?? [] },
        GoLand = new GoLandFacts { Projects = projects ?? [] },
    };

    private static ExplainedVariable Explain(MachineFacts facts, string name, Func<string, bool>? isExecutable = null) =>
        Assert.Single(new Explainer(facts, isExecutable ?? (_ => false)).Explain([name]));

    [Fact]
    public void GoLand_takes_the_gopath_launchctl_sets_not_the_one_the_shell_exports()
    {
        var facts = Mac(
            shell: new() { ["PATH"] = "/usr/bin:/bin", ["GOPATH"] = Home + "/work" },
            assignments: new() { ["GOPATH"] = new Evidence(Zshrc, 3, "export GOPATH=\"$HOME/work\"") },
            desktop: new() { ["GOPATH"] = Home + "/desk" });

        var gopath = Explain(facts, "GOPATH");

        Assert.Equal(new TerminalValue(Home + "/work", "~/.zshrc:3"), gopath.Terminal);
        Assert.Equal(new GoLandValue(null, Home + "/desk", "desktop session"), Assert.Single(gopath.GoLand));
        Assert.Contains(gopath.Sources, s => s is { Environment: "desktop", Value: Home + "/desk" });
    }

    [Fact]
    public void A_projects_own_environment_beats_the_desktop_session_and_the_go_env_file()
    {
        var workspace = Home + "/code/svc/.idea/workspace.xml";
        var project = new GoLandProject
        {
            Directory = Home + "/code/svc",
            WorkspaceFile = workspace,
            Environment = new Dictionary<string, (string, Evidence)> { ["GO111MODULE"] = ("on", new Evidence(workspace, 7, "<entry key=\"GO111MODULE\" value=\"on\" />")) },
        };
        var facts = Mac(envFile: [new GoEnvFileEntry("GO111MODULE", "off", 1, "GO111MODULE=off")], desktop: new() { ["GO111MODULE"] = "auto" }, projects: [project]);

        var modules = Explain(facts, "GO111MODULE");

        Assert.Equal(new TerminalValue("off", "go env -w"), modules.Terminal);
        Assert.Equal(new GoLandValue(Home + "/code/svc", "on", "~/code/svc/.idea/workspace.xml:7"), Assert.Single(modules.GoLand));
    }

    [Fact]
    public void An_empty_export_is_ignored_so_the_go_env_file_wins_in_a_terminal()
    {
        var facts = Mac(
            shell: new() { ["PATH"] = "/usr/bin:/bin", ["GOFLAGS"] = "" },
            assignments: new() { ["GOFLAGS"] = new Evidence(Zshrc, 1, "export GOFLAGS=") },
            envFile: [new GoEnvFileEntry("GOFLAGS", "-mod=mod", 2, "GOFLAGS=-mod=mod")]);

        var flags = Explain(facts, "GOFLAGS");

        Assert.Equal(new TerminalValue("-mod=mod", "go env -w"), flags.Terminal);
        Assert.Contains(flags.Sources, s => s is { Environment: "shell", Line: 1, Note: "exported empty: go ignores it" });
        Assert.Contains(flags.Sources, s => s is { Environment: "goenv", Line: 2, Note: "go env -w; used when nothing exports GOFLAGS" });
    }

    [Fact]
    public void GoLand_finds_go_on_the_path_launchctl_sets_when_the_project_names_no_goroot()
    {
        var facts = Mac(desktop: new() { ["PATH"] = "/opt/homebrew/bin:/usr/bin:/bin" }) with
        {
            Go = new GoFacts { Path = "/usr/local/go/bin/go" },
        };

        var go = Explain(facts, "go", path => path == "/opt/homebrew/bin/go");

        Assert.Equal(new TerminalValue("/usr/local/go/bin/go", "default"), go.Terminal);
        Assert.Equal(new GoLandValue(null, "/opt/homebrew/bin/go", "desktop session"), Assert.Single(go.GoLand));
    }

    private const string SdkFile = Home + "/Library/Application Support/JetBrains/GoLand2024.1/options/go.sdk.xml";

    private static MachineFacts WithSdks(MachineFacts facts, params string[] homes) => facts with
    {
        GoLand = facts.GoLand with
        {
            ConfigDirectory = Home + "/Library/Application Support/JetBrains/GoLand2024.1",
            Sdks = homes.Select((h, i) => new GoLandSdk(h, new Evidence(SdkFile, 5 + i, $"<option value=\"file://{h}\" />"))).ToList(),
        },
    };

    [Fact]
    public void With_several_goland_sdks_and_no_project_goroot_which_one_goland_uses_is_said_to_be_unknown()
    {
        var facts = WithSdks(Mac(projects: [new GoLandProject { Directory = Home + "/code/svc" }]), "/opt/homebrew/opt/go/libexec", Home + "/sdk/go1.21.0");

        var goroot = Explain(facts, "GOROOT");

        var goland = Assert.Single(goroot.GoLand);
        Assert.Null(goland.Value);
        Assert.Equal("one of the 2 Go SDKs in ~/Library/Application Support/JetBrains/GoLand2024.1/options/go.sdk.xml; the project pins none", goland.From);
        Assert.Equal(2, goroot.Sources.Count(s => s is { Environment: "goland", Note: "a Go SDK GoLand knows (go.sdk.xml)" }));
    }

    [Fact]
    public void A_project_goroot_beats_golands_sdk_and_the_sdk_is_then_not_listed()
    {
        var workspace = Home + "/code/svc/.idea/workspace.xml";
        var project = new GoLandProject { Directory = Home + "/code/svc", WorkspaceFile = workspace, Goroot = "/usr/local/go", GorootEvidence = new Evidence(workspace, 3, "<component name=\"GOROOT\" url=\"file:///usr/local/go\" />") };
        var facts = WithSdks(Mac(projects: [project]), Home + "/sdk/go1.22.5");

        var goroot = Explain(facts, "GOROOT");

        Assert.Equal(new GoLandValue(Home + "/code/svc", "/usr/local/go", "~/code/svc/.idea/workspace.xml:3"), Assert.Single(goroot.GoLand));
        Assert.DoesNotContain(goroot.Sources, s => s.File == SdkFile);
    }

    [Fact]
    public void Golands_only_sdk_beats_a_goroot_the_desktop_session_sets_because_goland_passes_its_sdk_to_go()
    {
        var facts = WithSdks(Mac(desktop: new() { ["GOROOT"] = "/opt/desktop-go" }, projects: [new GoLandProject { Directory = Home + "/code/svc" }]), Home + "/sdk/go1.22.5");

        var goroot = Explain(facts, "GOROOT");

        Assert.Equal(new GoLandValue(Home + "/code/svc", Home + "/sdk/go1.22.5", "~/Library/Application Support/JetBrains/GoLand2024.1/options/go.sdk.xml:5 (GoLand's Go SDK)"), Assert.Single(goroot.GoLand));
    }

    [Fact]
    public void Only_gotoolchain_and_go_carry_the_projects_toolchains()
    {
        var mod = new GoModFacts(Home + "/code/svc/go.mod", "1.23.1", new Evidence(Home + "/code/svc/go.mod", 3, "go 1.23.1"), null, null);
        var facts = Mac(shell: new() { ["PATH"] = "/usr/local/go/bin:/usr/bin:/bin", ["GOTOOLCHAIN"] = "local" }, projects: [new GoLandProject { Directory = Home + "/code/svc", GoMod = mod }]) with
        {
            Go = new GoFacts { Path = "/usr/local/go/bin/go", Root = "/usr/local/go", RootVersionFile = "go1.22.5" },
        };

        var explained = new Explainer(facts, _ => false).Explain(["GOTOOLCHAIN", "go", "GOPATH"]);

        Assert.Equal(GoWatch.Checks.Toolchain.ToolchainOutcome.TooOld, Assert.Single(explained[0].Toolchains).Outcome);
        Assert.Single(explained[1].Toolchains);
        Assert.Empty(explained[2].Toolchains);
    }
}
