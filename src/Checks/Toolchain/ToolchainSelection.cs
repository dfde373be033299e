using GoWatch.Checks.Catalogue;
using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Toolchain;

/// <summary>
/// Works out, from the facts alone, which toolchain <c>go</c> run from a terminal uses in each
/// watched project, following go.dev/doc/toolchain: GOTOOLCHAIN comes from the exported
/// variable, else the Go env file, else <c>$GOROOT/go.env</c> (what <c>go env</c> reports); its
/// <c>auto</c> and <c>path</c> forms switch to the newer of go.mod's <c>toolchain</c> line and
/// <c>go</c> line (<c>go 1.22</c> means toolchain <c>go1.22.0</c>), a fixed one never does, and a
/// toolchain refuses a go.mod whose go line is newer than itself. A go older than 1.21 knows
/// neither GOTOOLCHAIN nor the toolchain line.
/// </summary>
public static class ToolchainSelection
{
    /// <summary>The first release that reads GOTOOLCHAIN and the toolchain line, and enforces the go line.</summary>
    public static GoRelease FirstSwitchingRelease { get; } = GoRelease.Parse("1.21.0")!;

    // A go.mod without a go line is read as go 1.16.
    private static readonly GoRelease ImplicitGoLine = GoRelease.Parse("1.16")!;

    /// <summary>Every watched project with a go.mod, in the order the facts list them.</summary>
    public static IReadOnlyList<ProjectToolchain> Of(MachineFacts facts) =>
        facts.GoLand.Projects.Where(p => p.GoMod is not null).Select(p => Of(facts, p.Directory, p.GoMod!)).ToList();

    /// <summary>The version of the toolchain bundled with the go on PATH: its root's VERSION file first, as go version may report a toolchain it switched to.</summary>
    public static GoRelease? Bundled(MachineFacts facts) =>
        facts.Go is not { } go ? null : GoRelease.Parse(go.RootVersionFile) ?? GoRelease.Parse(go.Version) ?? GoRelease.Parse(go.EnvValue("GOVERSION"));

    /// <summary>The toolchain names go.mod files ask for that are newer than the bundled Go: the programs go looks for on PATH before downloading.</summary>
    public static IReadOnlyList<string> WantedOnPath(MachineFacts facts)
    {
        var bundled = Bundled(facts);
        if (bundled is null || bundled.IsOlderThan(FirstSwitchingRelease))
        {
            return [];
        }
        // A named default (GOTOOLCHAIN=go1.23.1+auto) is looked for on PATH too.
        var named = ToolchainSetting.Parse(GoValues.Effective(facts, "GOTOOLCHAIN")?.Value)?.DefaultVersion;
        return facts.GoLand.Projects
            .Select(p => p.GoMod)
            .OfType<GoModFacts>()
            .SelectMany(m => new[] { ToolchainLine(m.Toolchain), GoRelease.Parse(m.GoVersion) })
            .Append(named)
            .OfType<GoRelease>()
            .Where(bundled.IsOlderThan)
            .Select(v => v.ToolchainName)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The toolchain a terminal's go runs for the project in <paramref name="directory"/> with <paramref name="mod"/>.</summary>
    public static ProjectToolchain Of(MachineFacts facts, string directory, GoModFacts mod) =>
        Decide(facts, directory, mod, new Runner(Bundled(facts), "the bundled toolchain", "the version of the go on PATH is unknown",
            GoValues.Effective(facts, "GOTOOLCHAIN"), "GOTOOLCHAIN=auto (Go's default; go env did not say)", facts.Shell.PathEntries));

    /// <summary>
    /// The toolchain go run by GoLand uses in <paramref name="project"/>: the Go of the project's GOROOT, else of
    /// GoLand's only SDK, with the GOTOOLCHAIN GoLand passes (the project's environment, else the desktop
    /// session's, else the Go env file; that Go's own <c>$GOROOT/go.env</c> is not read, so standard
    /// Go's <c>auto</c> is assumed) and the desktop session's PATH. Null when the project has no go.mod or
    /// which Go GoLand uses is not known.
    /// </summary>
    public static ProjectToolchain? InGoLand(MachineFacts facts, GoLandProject project)
    {
        if (project.GoMod is not { } mod)
        {
            return null;
        }
        var (root, version) = project.Goroot is { } own ? (own, project.GorootVersion)
            : facts.GoLand.OnlySdk is { } only ? (only.Home, only.Version)
            : (null, null);
        if (root is null)
        {
            return null;
        }
        var desktop = facts.Desktop.WasRead ? facts.Desktop : null;
        var setting = project.Environment.TryGetValue("GOTOOLCHAIN", out var set) && set.Value.Length > 0 ? new GoValues.Source("GoLand project", set.Value, set.Evidence)
            : desktop?.Get("GOTOOLCHAIN") is { Length: > 0 } fromDesktop ? new GoValues.Source("desktop session", fromDesktop, Evidence.Note($"{desktop.Source}: GOTOOLCHAIN={fromDesktop}"))
            : GoValues.EnvFile(facts, "GOTOOLCHAIN") is { Value.Length: > 0 } fromFile ? fromFile
            : null;
        return Decide(facts, project.Directory, mod, new Runner(GoRelease.Parse(version), $"GoLand's Go at {root}", $"the version of GoLand's Go at {root} is unknown (no VERSION file)",
            setting, "GOTOOLCHAIN=auto (assumed: GoLand's Go's own go.env is not read)", desktop?.Get("PATH")?.Split(':') ?? []));
    }

    // The go that runs, as seen from a terminal or from GoLand: its version, how it is named, the GOTOOLCHAIN it gets and its PATH.
    private sealed record Runner(GoRelease? Bundled, string Label, string UnknownVersion, GoValues.Source? Setting, string AssumedSetting, IReadOnlyList<string> PathEntries);

    private static ProjectToolchain Decide(MachineFacts facts, string directory, GoModFacts mod, Runner runner)
    {
        var goLine = GoRelease.Parse(mod.GoVersion);
        var toolchainLine = ToolchainLine(mod.Toolchain);
        var result = new ProjectToolchain
        {
            Directory = directory,
            GoMod = mod,
            GoLine = goLine,
            ToolchainLine = toolchainLine,
            Bundled = runner.Bundled,
            Outcome = ToolchainOutcome.Unknown,
            Story = "",
        };
        if (mod.Error is { } error)
        {
            return result with { Story = $"go.mod could not be read ({error})" };
        }
        if (mod.GoVersion is { } written && goLine is null)
        {
            return result with { Story = $"the go line \"{written}\" is not a Go version: go refuses to read this go.mod", Evidence = Lines(mod.GoLine) };
        }
        if (mod.Toolchain is { } writtenToolchain && writtenToolchain != "default" && toolchainLine is null)
        {
            return result with { Story = $"the toolchain line \"{writtenToolchain}\" is not a toolchain name: go refuses to read this go.mod", Evidence = Lines(mod.ToolchainLine) };
        }
        if (result.Bundled is not { } bundled)
        {
            return result with { Story = runner.UnknownVersion };
        }
        var required = goLine ?? ImplicitGoLine;
        var requiredText = goLine is null ? "1.16 (go.mod has no go line)" : goLine.Text;

        if (bundled.IsOlderThan(FirstSwitchingRelease))
        {
            return BeforeSwitching(result, mod, bundled, required);
        }

        var effective = runner.Setting;
        var setting = ToolchainSetting.Parse(effective?.Value);
        if (effective is { Value.Length: > 0 } && setting is null)
        {
            return result with
            {
                Story = $"GOTOOLCHAIN={effective.Value} is not a value go accepts, so every go command stops with \"invalid GOTOOLCHAIN\"",
                Evidence = Lines(effective.Evidence),
            };
        }
        // Standard toolchains set auto in $GOROOT/go.env; go env answered nothing, so assume it.
        setting ??= ToolchainSetting.Parse("auto")!;
        var settingEvidence = effective?.Evidence ?? Evidence.Note(runner.AssumedSetting);
        result = result with { Setting = setting, SettingEvidence = settingEvidence };

        // A GOTOOLCHAIN naming the bundled version is the bundled toolchain.
        var isBundled = setting.DefaultVersion is not { } named || named.CompareTo(bundled) == 0;
        var defaultVersion = setting.DefaultVersion ?? bundled;
        var defaultName = isBundled ? $"go{bundled.Text} ({runner.Label})" : setting.DefaultName;
        var runsDefault = isBundled ? "go" + bundled.Text : setting.DefaultName;
        var how = $"GOTOOLCHAIN={setting.Value}";

        // The toolchain line, unless it says "default", is the preferred toolchain; the go line is the minimum.
        GoRelease? target = null;
        var targetLine = mod.GoLine;
        if (setting.Mode != ToolchainMode.Fixed && mod.Toolchain != "default")
        {
            if (toolchainLine is not null && defaultVersion.IsOlderThan(toolchainLine))
            {
                (target, targetLine) = (toolchainLine, mod.ToolchainLine);
            }
            if (defaultVersion.IsOlderThan(required) && (target is null || target.IsOlderThan(required)))
            {
                (target, targetLine) = (required, mod.GoLine);
            }
        }

        if (target is null)
        {
            if (defaultVersion.IsOlderThan(required))
            {
                var why = setting.Mode == ToolchainMode.Fixed ? $"{how} never switches" : "the toolchain line says default, so go does not switch";
                return result with
                {
                    Outcome = ToolchainOutcome.TooOld,
                    Runs = null,
                    // The bundled toolchain's refusal names GOTOOLCHAIN; a toolchain go switched to words its own.
                    Story = $"go.mod needs go {requiredText}, {defaultName} is older and {why}: go stops with \"go.mod requires go >= {required.Text} (running go {defaultVersion.Text}{(isBundled ? $"; {how}" : "")})\"",
                    Evidence = Lines(mod.GoLine, toolchainLine is not null && defaultVersion.IsOlderThan(toolchainLine) ? mod.ToolchainLine : null, settingEvidence),
                };
            }
            if (toolchainLine is not null && defaultVersion.IsOlderThan(toolchainLine))
            {
                return result with
                {
                    Outcome = ToolchainOutcome.PreferenceIgnored,
                    Runs = runsDefault,
                    Story = $"{defaultName} runs: the toolchain line asks for {toolchainLine.ToolchainName}, which {how} does not switch to (the go line {requiredText} is met)",
                    Evidence = Lines(mod.ToolchainLine, settingEvidence),
                };
            }
            var fetched = isBundled ? ""
                : FindOnPath(facts, runner.PathEntries, setting.DefaultName).Found is { } program ? $" ({how}; {program} on PATH)"
                : $" ({how}; from PATH when a program of that name is there, else downloaded)";
            return result with
            {
                Outcome = ToolchainOutcome.Default,
                Runs = runsDefault,
                Story = $"{defaultName} runs: it is at least the go {requiredText} go.mod asks for{fetched}",
            };
        }

        var name = target.ToolchainName;
        var which = targetLine == mod.ToolchainLine ? "toolchain line" : "go line";
        var onPath = FindOnPath(facts, runner.PathEntries, name);
        if (setting.Mode == ToolchainMode.Path && onPath is { Found: null, Known: true })
        {
            return result with
            {
                Outcome = ToolchainOutcome.TooOld,
                Story = $"the {which} asks for {name}, newer than {defaultName}; {how} looks for it on PATH only and there is none: go stops with \"cannot find \\\"{name}\\\" in PATH\"",
                Evidence = Lines(targetLine, settingEvidence),
            };
        }
        var from = onPath.Found is { } found ? $"runs {found} from PATH"
            : setting.Mode == ToolchainMode.Path ? "runs it when a program of that name is on PATH (never downloaded)"
            : "downloads it into the module cache the first time (needs the network), unless a program of that name is on PATH";
        return result with
        {
            Outcome = ToolchainOutcome.Switches,
            Runs = name,
            Story = $"the {which} asks for {name}, newer than {defaultName}; {how} switches: go {from}",
            Evidence = Lines(targetLine, settingEvidence),
        };
    }

    // Before Go 1.21 there is no switching, no toolchain directive and no three-part go line.
    private static ProjectToolchain BeforeSwitching(ProjectToolchain result, GoModFacts mod, GoRelease bundled, GoRelease required)
    {
        var runs = "go" + bundled.Text;
        if (mod.Toolchain is not null)
        {
            return result with
            {
                Outcome = ToolchainOutcome.TooOld,
                Story = $"go {bundled.Text} predates toolchains (Go 1.21) and cannot read this go.mod: \"unknown directive: toolchain\"",
                Evidence = Lines(mod.ToolchainLine),
            };
        }
        if (required.Minor >= FirstSwitchingRelease.Minor && required.Major == 1 && !required.IsLanguageVersion)
        {
            return result with
            {
                Outcome = ToolchainOutcome.TooOld,
                Story = $"go {bundled.Text} predates Go 1.21 and cannot read the go line: \"invalid go version '{required.Text}': must match format 1.23\"",
                Evidence = Lines(mod.GoLine),
            };
        }
        if (bundled.IsOlderThan(required))
        {
            return result with
            {
                Outcome = ToolchainOutcome.TooOld,
                Runs = runs,
                Story = $"go.mod asks for go {required.Text}, but go {bundled.Text} predates toolchain switching (Go 1.21) and ignores GOTOOLCHAIN: it builds with itself and fails at the first newer feature (\"note: module requires Go {required.Text}\")",
                Evidence = Lines(mod.GoLine),
            };
        }
        return result with
        {
            Outcome = ToolchainOutcome.Default,
            Runs = runs,
            Story = $"go {bundled.Text} runs: it is at least the go {required.Text} go.mod asks for (Go before 1.21 ignores GOTOOLCHAIN)",
        };
    }

    private static GoRelease? ToolchainLine(string? written) =>
        written is { } t && t.StartsWith("go", StringComparison.Ordinal) ? GoRelease.Parse(t) is { IsLanguageVersion: false } v ? v : null : null;

    // The first executable NAME on the shell's PATH; Known is false when the path probe did not look everywhere.
    private static (string? Found, bool Known) FindOnPath(MachineFacts facts, IReadOnlyList<string> pathEntries, string name)
    {
        var known = true;
        foreach (var entry in pathEntries.Where(e => e.StartsWith('/')))
        {
            var candidate = Path.Combine(entry, name);
            switch (facts.Paths.Get(candidate))
            {
                case { IsFile: true, Executable: true }:
                    return (candidate, true);
                case null:
                    known = false;
                    break;
            }
        }
        return (null, known);
    }

    private static IReadOnlyList<Evidence> Lines(params Evidence?[] evidence) => evidence.OfType<Evidence>().ToList();
}
