using GoWatch.Checks;
using GoWatch.Checks.Facts;
using GoWatch.Checks.Toolchain;
using GoWatch.Platform;
using GoWatch.Platform.Locations;

namespace GoWatch.Cli.Explain;

/// <summary>
/// Works out, from facts already gathered, where each Go variable comes from and which value
/// wins. For a terminal: a non-empty exported shell variable beats the Go env file
/// (<c>go env -w</c>), which beats Go's default. For GoLand: the project's own GOROOT or
/// environment when set, else the desktop session's environment (not the shell's), then the Go
/// env file, then the default; a project that pins no GOROOT gets GoLand's Go SDK from
/// <c>options/go.sdk.xml</c> when GoLand knows exactly one. For GOTOOLCHAIN and go, each watched
/// project's go.mod decides which toolchain actually runs (<see cref="ToolchainSelection"/>).
/// </summary>
public sealed class Explainer(MachineFacts facts, Func<string, bool> isExecutable)
{
    private const string Default = "default";
    private const string GoEnvW = "go env -w";
    private const string Desktop = "desktop session";
    private const string GoToolchain = "GOTOOLCHAIN";

    private string Home => facts.Host.Home;

    /// <summary>Explains each of <paramref name="names"/> (canonical spellings from <see cref="ExplainVariables"/>).</summary>
    public IReadOnlyList<ExplainedVariable> Explain(IEnumerable<string> names) =>
        names.Select(n => n == ExplainVariables.Go ? WithToolchains(ExplainGo())
            : n == GoToolchain ? WithToolchains(ExplainVariable(n))
            : ExplainVariable(n)).ToList();

    private ExplainedVariable WithToolchains(ExplainedVariable variable) => variable with
    {
        Toolchains = ToolchainSelection.Of(facts),
        GoLandToolchains = facts.GoLand.Projects.Select(p => ToolchainSelection.InGoLand(facts, p)).OfType<ProjectToolchain>().ToList(),
    };

    /// <summary><c>~/.zshrc:12</c> for evidence in a file.</summary>
    public string Where(Evidence evidence) =>
        evidence.File is null ? evidence.Text ?? "" : HomePaths.Tilde(evidence.File, Home) + (evidence.Line is { } l ? $":{l}" : "");

    private ExplainedVariable ExplainVariable(string name)
    {
        var shell = facts.Shell.Get(name);
        var shellAt = facts.Shell.AssignmentOf(name);
        var envFile = facts.GoEnvFile.Get(name);
        var desktop = facts.Desktop.WasRead ? facts.Desktop.Get(name) : null;

        TerminalValue terminal;
        if (shell is { Length: > 0 })
        {
            terminal = new TerminalValue(shell, shellAt is { File: not null } ? Where(shellAt) : "login shell");
        }
        else if (envFile is { Value.Length: > 0 })
        {
            terminal = new TerminalValue(envFile.Value, GoEnvW);
        }
        else
        {
            terminal = new TerminalValue(facts.Go?.EnvValue(name) ?? GoDefault(name), Default);
        }

        var sources = new List<ValueSource>();
        sources.AddRange(ShellSources(name, shell, shellAt));
        if (envFile is not null)
        {
            sources.Add(new ValueSource("goenv", envFile.Value, facts.GoEnvFile.Path, envFile.Line,
                shell is { Length: > 0 } ? $"{GoEnvW}; beaten in the terminal by the exported variable ({terminal.From})"
                : envFile.Value.Length == 0 ? $"{GoEnvW}; empty, so Go's default applies" : $"{GoEnvW}; used when nothing exports {name}", envFile.Text));
        }
        if (desktop is not null)
        {
            sources.Add(new ValueSource("desktop", desktop, null, null, $"{facts.Desktop.Source}; what apps started from the desktop inherit"));
        }

        var goland = new List<GoLandValue>();
        foreach (var project in Projects())
        {
            if (name == "GOROOT" && project?.Goroot is { } root)
            {
                var at = project.GorootEvidence;
                goland.Add(new GoLandValue(project.Directory, root, at is null ? project.WorkspaceFile is { } w ? HomePaths.Tilde(w, Home) : "project" : Where(at)));
                sources.Add(new ValueSource("goland", root, at?.File ?? project.WorkspaceFile, at?.Line, $"GOROOT of project {HomePaths.Tilde(project.Directory, Home)}", at?.Text));
                continue;
            }
            if (project is not null && project.Environment.TryGetValue(name, out var set))
            {
                goland.Add(new GoLandValue(project.Directory, set.Value, Where(set.Evidence)));
                sources.Add(new ValueSource("goland", set.Value, set.Evidence.File, set.Evidence.Line, $"environment of project {HomePaths.Tilde(project.Directory, Home)}", set.Evidence.Text));
                continue;
            }
            if (name == "GOROOT" && SdkFor(project) is { } sdk)
            {
                goland.Add(sdk);
                continue;
            }
            var value = desktop is { Length: > 0 } ? new GoLandValue(project?.Directory, desktop, Desktop)
                : envFile is { Value.Length: > 0 } ? new GoLandValue(project?.Directory, envFile.Value, GoEnvW)
                : new GoLandValue(project?.Directory, terminal.From == Default ? terminal.Value : GoDefault(name), Default);
            goland.Add(value);
        }
        if (name == "GOROOT")
        {
            sources.AddRange(SdkSources());
        }
        return new ExplainedVariable(name, terminal, goland, sources);
    }

    private ExplainedVariable ExplainGo()
    {
        var pathAt = facts.Shell.AssignmentOf("PATH");
        var terminal = facts.Go?.Path is { } go
            ? new TerminalValue(go, pathAt is { File: not null } ? Where(pathAt) : Default)
            : new TerminalValue(null, "not found");
        var sources = new List<ValueSource>(ShellSources("PATH", facts.Shell.Get("PATH"), pathAt));
        var desktopPath = facts.Desktop.WasRead ? facts.Desktop.Get("PATH") : null;
        if (desktopPath is not null)
        {
            sources.Add(new ValueSource("desktop", desktopPath, null, null, $"PATH from {facts.Desktop.Source}; what apps started from the desktop inherit"));
        }

        var goland = new List<GoLandValue>();
        foreach (var project in Projects())
        {
            if (project?.Goroot is { } root)
            {
                var bin = Path.Combine(root, "bin", "go");
                var at = project.GorootEvidence;
                goland.Add(new GoLandValue(project.Directory, bin, at is null ? "project" : Where(at)));
                sources.Add(new ValueSource("goland", bin, at?.File ?? project.WorkspaceFile, at?.Line, $"GOROOT of project {HomePaths.Tilde(project.Directory, Home)}"));
                continue;
            }
            if (SdkFor(project) is { } sdk)
            {
                goland.Add(sdk with { Value = sdk.Value is { } home ? Path.Combine(home, "bin", "go") : null });
                continue;
            }
            // Without a project GOROOT or SDK, GoLand's go comes from the PATH it inherited, not the shell's.
            var path = desktopPath ?? (facts.Host.Platform == PlatformKind.MacOS ? Checks.Probes.LoginShellProbe.MinimalPath : null);
            var found = path is null ? null : FirstGo(path);
            goland.Add(new GoLandValue(project?.Directory, found, desktopPath is not null ? Desktop : path is not null ? Default : "unknown"));
        }
        sources.AddRange(SdkSources().Select(s => s with { Value = s.Value is { } home ? Path.Combine(home, "bin", "go") : null }));
        return new ExplainedVariable(ExplainVariables.Go, terminal, goland, sources);
    }

    private List<ValueSource> ShellSources(string name, string? exported, Evidence? last)
    {
        var sources = new List<ValueSource>();
        IReadOnlyList<Evidence> ran = facts.Shell.AssignmentHistory.TryGetValue(name, out var history) && history.Count > 0 ? history
            : last is not null ? [last] : [];
        for (var i = 0; i < ran.Count; i++)
        {
            var isLast = i == ran.Count - 1;
            var note = !isLast ? $"overridden by {Where(ran[^1])}"
                : exported is null ? "assigned, but not exported: go does not see it"
                : exported.Length == 0 ? "exported empty: go ignores it"
                : "exported by the login shell: wins in a terminal";
            sources.Add(new ValueSource("shell", isLast ? exported : null, ran[i].File, ran[i].Line, note, ran[i].Text));
        }
        if (ran.Count == 0 && exported is not null)
        {
            sources.Add(new ValueSource("shell", exported, null, null,
                "exported by the login shell, set by no startup-file line (inherited or set by the system)"));
        }
        return sources;
    }

    // GoLand gives a project that pins no GOROOT its Go SDK: the one in go.sdk.xml when it knows only one.
    // With several, which one the project was given is not written down anywhere GoWatch reads.
    private GoLandValue? SdkFor(GoLandProject? project)
    {
        var sdks = facts.GoLand.Sdks;
        if (facts.GoLand.ConfigDirectory is null || sdks.Count == 0 || project?.Goroot is not null)
        {
            return null;
        }
        return sdks.Count == 1
            ? new GoLandValue(project?.Directory, sdks[0].Home, $"{Where(sdks[0].Evidence)} (GoLand's Go SDK)")
            : new GoLandValue(project?.Directory, null, $"one of the {sdks.Count} Go SDKs in {HomePaths.Tilde(sdks[0].Evidence.File ?? "go.sdk.xml", Home)}; the project pins none");
    }

    private IEnumerable<ValueSource> SdkSources()
    {
        if (facts.GoLand.ConfigDirectory is null || facts.GoLand.Projects.Count > 0 && facts.GoLand.Projects.All(p => p.Goroot is not null))
        {
            yield break;
        }
        var sdks = facts.GoLand.Sdks;
        foreach (var sdk in sdks)
        {
            yield return new ValueSource("goland", sdk.Home, sdk.Evidence.File, sdk.Evidence.Line,
                sdks.Count == 1 ? "GoLand's Go SDK: used by projects that pin no GOROOT" : "a Go SDK GoLand knows (go.sdk.xml)", sdk.Evidence.Text);
        }
    }

    // Every watched or recent project; with none, one entry (null) stands for any project without its own setting.
    private IReadOnlyList<GoLandProject?> Projects() =>
        facts.GoLand.Projects.Count == 0 ? new GoLandProject?[] { null } : facts.GoLand.Projects.ToArray<GoLandProject?>();

    private string? FirstGo(string path) =>
        path.Split(':').Where(d => d.StartsWith('/')).Select(d => Path.Combine(d, "go")).FirstOrDefault(isExecutable);

    // Go's documented defaults, for an environment whose go was not asked.
    private string? GoDefault(string name) => name switch
    {
        "GOPATH" => Path.Combine(Home, "go"),
        "GOENV" => facts.GoEnvFile.Path,
        "GOPROXY" => "https://proxy.golang.org,direct",
        "GOSUMDB" => "sum.golang.org",
        "GOFLAGS" or "GOBIN" or "GO111MODULE" => "",
        _ => null,
    };
}
