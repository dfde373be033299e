using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>toolchain.too-old</c>: GOTOOLCHAIN=local and a watched project's <c>go.mod</c> asks for a newer
/// <c>go</c>/<c>toolchain</c> than the installed one. A go older than 1.21 cannot switch
/// toolchains at all, so it is treated as local whatever GOTOOLCHAIN says.
/// </summary>
internal sealed class ToolchainTooOldCheck() : Check("toolchain.too-old", Severity.Warning, CheckArea.Toolchain)
{
    private static readonly GoVersion FirstSwitchingRelease = new(1, 21, 0);

    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        var installedText = facts.Go?.InstalledVersion;
        if (GoVersion.Parse(installedText) is not { } installed)
        {
            return CheckOutcome.Skip("the installed Go version is unknown");
        }
        if (!facts.GoLand.Projects.Any(p => p.GoMod is not null))
        {
            return CheckOutcome.Skip("no watched project has a go.mod");
        }
        var toolchain = GoValues.Effective(facts, "GOTOOLCHAIN");
        var local = toolchain?.Value.Trim() == "local" || installed.CompareTo(FirstSwitchingRelease) < 0;
        if (!local)
        {
            return CheckOutcome.Pass;
        }
        var evidence = new List<Evidence?>();
        var projects = new List<string>();
        foreach (var project in facts.GoLand.Projects)
        {
            if (project.GoMod is not { } mod)
            {
                continue;
            }
            var (required, line) = GoVersion.Parse(mod.Toolchain) is { } t && (GoVersion.Parse(mod.GoVersion) is not { } g || t.CompareTo(g) >= 0)
                ? (t, mod.ToolchainLine)
                : (GoVersion.Parse(mod.GoVersion), mod.GoLine);
            if (required is not null && required.CompareTo(installed) > 0)
            {
                projects.Add($"{project.Directory} needs {required}");
                evidence.Add(line);
            }
        }
        if (projects.Count == 0)
        {
            return CheckOutcome.Pass;
        }
        evidence.Add(toolchain?.Evidence);
        var why = toolchain?.Value.Trim() == "local" ? "GOTOOLCHAIN=local forbids downloading a newer toolchain" : $"go {installed} is older than 1.21 and cannot switch toolchains";
        return Fail($"Installed Go {installed} is too old for {projects.Count} project(s)",
            $"{string.Join("; ", projects)}; {why}, so go build fails with \"go.mod requires go >= …\".",
            evidence,
            "Install a newer Go from https://go.dev/dl/, or allow switching: go env -w GOTOOLCHAIN=auto (Go ≥ 1.21).");
    }
}
