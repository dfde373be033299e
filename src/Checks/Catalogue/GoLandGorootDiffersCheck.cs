using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>goland.goroot-differs</c>: a project's GOROOT exists but is not the root of the <c>go</c> on the
/// shell's PATH. A project that pins no GOROOT uses GoLand's SDK when GoLand knows exactly one
/// (<c>go.sdk.xml</c>); with several, which one it uses is not written down, so it is left out.
/// </summary>
internal sealed class GoLandGorootDiffersCheck() : Check("goland.goroot-differs", Severity.Warning, CheckArea.GoLand)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (GoLandAbsent(facts))
        {
            return CheckOutcome.Skip(GoLandNotInstalled);
        }
        var onlySdk = facts.GoLand.OnlySdk;
        var withGoroot = facts.GoLand.Projects
            .Select(p => p.Goroot is null && onlySdk is not null ? p with { Goroot = onlySdk.Home, GorootEvidence = onlySdk.Evidence } : p)
            .Where(p => p.Goroot is not null).ToList();
        if (withGoroot.Count == 0)
        {
            return CheckOutcome.Skip("no watched GoLand project sets a GOROOT, and GoLand has no single Go SDK");
        }
        // A GOROOT that does not exist is goland.goroot-missing's finding, not a difference.
        var projects = withGoroot.Where(p => facts.Paths.IsDirectory(p.Goroot!) == true).ToList();
        if (projects.Count == 0)
        {
            return withGoroot.Any(p => facts.Paths.IsDirectory(p.Goroot!) is null)
                ? CheckOutcome.Skip("whether the projects' GOROOTs exist is unknown")
                : CheckOutcome.Skip("no watched GoLand project's GOROOT exists (see goland.goroot-missing)");
        }
        if (facts.Go?.Root is not { } root)
        {
            return CheckOutcome.Skip("the root of the go on PATH is unknown");
        }
        var differing = projects.Where(p => !facts.Paths.SamePlace(p.Goroot!, root)).ToList();
        if (differing.Count == 0)
        {
            return CheckOutcome.Pass;
        }
        return Fail("GoLand uses another Go than your terminal",
            $"The terminal runs {facts.Go.Path} (GOROOT {root}), but {string.Join("; ", differing.Select(p => $"{p.Directory} uses {p.Goroot}"))}. Builds, tests and versions differ between the IDE and the command line.",
            differing.Select(p => p.GorootEvidence).Distinct(),
            $"In GoLand: Settings → Go → GOROOT → choose {root}.",
            ["GOROOT", "go"]);
    }
}
