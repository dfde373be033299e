using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>goland.modules-disabled</c>: Go modules integration is off in a project that has a <c>go.mod</c>.</summary>
internal sealed class GoLandModulesDisabledCheck() : Check("goland.modules-disabled", Severity.Warning, CheckArea.GoLand)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (GoLandAbsent(facts))
        {
            return CheckOutcome.Skip(GoLandNotInstalled);
        }
        if (!facts.GoLand.Projects.Any(p => p.GoMod is not null))
        {
            return CheckOutcome.Skip("no watched project has a go.mod");
        }
        var off = facts.GoLand.Projects.Where(p => p.ModulesIntegration == false && p.GoMod is not null).ToList();
        if (off.Count == 0)
        {
            return CheckOutcome.Pass;
        }
        return Fail("Go modules integration is off in GoLand",
            $"{string.Join(", ", off.Select(p => p.Directory))} ha{(off.Count == 1 ? "s" : "ve")} a go.mod, but GoLand indexes it in GOPATH mode: imports show as unresolved (\"cannot find package\").",
            off.Select(p => p.ModulesEvidence),
            "In GoLand: Settings → Go → Go Modules → check \"Enable Go modules integration\".");
    }
}
