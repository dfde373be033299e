using GoWatch.Checks.Facts;
using GoWatch.Checks.Toolchain;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>toolchain.too-old</c>: the toolchain a terminal's go runs in a watched project is older than
/// its go.mod asks for and cannot switch: GOTOOLCHAIN=local (or another fixed toolchain), a
/// <c>path</c> form without the toolchain on PATH, or a go older than 1.21, which cannot switch
/// at all. A toolchain line GOTOOLCHAIN=local keeps from running counts too: the project asks
/// for a newer toolchain than the one installed. The decision is <see cref="ToolchainSelection"/>'s,
/// the same one <c>gowatch explain GOTOOLCHAIN</c> shows.
/// </summary>
internal sealed class ToolchainTooOldCheck() : Check("toolchain.too-old", Severity.Warning, CheckArea.Toolchain)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (ToolchainSelection.Bundled(facts) is not { } installed)
        {
            return CheckOutcome.Skip("the installed Go version is unknown");
        }
        var projects = ToolchainSelection.Of(facts);
        if (projects.Count == 0)
        {
            return CheckOutcome.Skip("no watched project has a go.mod");
        }
        var tooOld = projects.Where(p => p.Outcome is ToolchainOutcome.TooOld or ToolchainOutcome.PreferenceIgnored).ToList();
        if (tooOld.Count == 0)
        {
            return projects.All(p => p.Outcome == ToolchainOutcome.Unknown)
                ? CheckOutcome.Skip(string.Join("; ", projects.Select(p => $"{p.Directory}: {p.Story}")))
                : CheckOutcome.Pass;
        }
        var refused = tooOld.Count(p => p.Outcome == ToolchainOutcome.TooOld);
        var evidence = tooOld.SelectMany(p => p.Evidence).Distinct().ToList();
        return Fail($"Installed Go {installed} is too old for {tooOld.Count} project(s)",
            string.Join("; ", tooOld.Select(p => $"{p.Directory}: {p.Story}")) + "." + (refused > 0 ? "" : " Builds work, but not with the toolchain the project asks for."),
            evidence,
            Fix(facts, installed, tooOld));
    }

    private static string Fix(MachineFacts facts, GoRelease installed, List<ProjectToolchain> tooOld)
    {
        var newest = tooOld.SelectMany(p => new[] { p.GoLine, p.ToolchainLine }).OfType<GoRelease>().Max();
        var install = newest is null ? "Install a newer Go from https://go.dev/dl/" : $"Install Go {newest.ToolchainName[2..]} or newer from https://go.dev/dl/";
        if (installed.IsOlderThan(ToolchainSelection.FirstSwitchingRelease))
        {
            return install + $" (go {installed} cannot switch toolchains: Go 1.21 and later download the one a go.mod asks for).";
        }
        var ways = new List<string>();
        // A fixed GOTOOLCHAIN: let go switch, where it is pinned (the startup-file line; the Go env file or $GOROOT/go.env).
        if (tooOld.Any(p => p.Setting is { Mode: ToolchainMode.Fixed }))
        {
            var steps = new List<string>();
            if (GoValues.Shell(facts, "GOTOOLCHAIN") is { Value.Length: > 0 } shell)
            {
                steps.Add(shell.Evidence is { File: { } file, Line: { } line } ? $"delete the GOTOOLCHAIN export at {file}:{line}" : "stop exporting GOTOOLCHAIN");
            }
            if (steps.Count == 0 || ToolchainSetting.Parse(GoValues.EnvFile(facts, "GOTOOLCHAIN")?.Value) is { Mode: ToolchainMode.Fixed })
            {
                steps.Add("go env -w GOTOOLCHAIN=auto");
            }
            ways.Add("let go fetch it: " + string.Join(" and ", steps));
        }
        // The path form: the wanted goX.Y.Z must be a program on PATH.
        foreach (var name in tooOld.Where(p => p.Setting is { Mode: ToolchainMode.Path }).Select(p => p.Runs ?? Wanted(p)).OfType<string>().Distinct())
        {
            ways.Add($"put {name} on PATH: go install golang.org/dl/{name}@latest && {name} download");
        }
        if (tooOld.Any(p => p.GoMod.Toolchain == "default"))
        {
            ways.Add("remove the \"toolchain default\" line from go.mod so go may switch");
        }
        return ways.Count == 0 ? install + "." : $"{install}, or {string.Join("; or ", ways)}.";
    }

    private static string? Wanted(ProjectToolchain project) =>
        new[] { project.ToolchainLine, project.GoLine }.OfType<GoRelease>().Max()?.ToolchainName;
}
