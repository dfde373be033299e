using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>goland.goroot-missing</c>: a project's GOROOT or an SDK in <c>go.sdk.xml</c> points to a missing
/// directory. A GoLand settings file that is not valid XML is reported here too: GoLand cannot
/// read its GOROOT from it either.
/// </summary>
internal sealed class GoLandGorootMissingCheck() : Check("goland.goroot-missing", Severity.Error, CheckArea.GoLand)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        var goland = facts.GoLand;
        if (GoLandAbsent(facts))
        {
            return CheckOutcome.Skip(GoLandNotInstalled);
        }
        var unknown = goland.Projects.Where(p => p.Goroot is not null && facts.Paths.IsDirectory(p.Goroot) is null).Select(p => p.Goroot!)
            .Concat(goland.Sdks.Where(s => facts.Paths.IsDirectory(s.Home) is null).Select(s => s.Home)).ToList();
        var problems = new List<string>();
        var evidence = new List<Evidence?>();
        foreach (var project in goland.Projects.Where(p => p.Goroot is not null && facts.Paths.IsDirectory(p.Goroot) == false))
        {
            problems.Add($"project {project.Directory} uses GOROOT {project.Goroot}, which does not exist");
            evidence.Add(project.GorootEvidence);
        }
        foreach (var sdk in goland.Sdks.Where(s => facts.Paths.IsDirectory(s.Home) == false))
        {
            problems.Add($"the SDK {sdk.Home} registered in go.sdk.xml does not exist");
            evidence.Add(sdk.Evidence);
        }
        foreach (var problem in goland.Problems)
        {
            problems.Add($"{problem.File} cannot be read by GoLand either ({problem.Text})");
            evidence.Add(problem);
        }
        if (problems.Count == 0)
        {
            return unknown.Count > 0 ? CheckOutcome.Skip($"whether {string.Join(", ", unknown)} exists is unknown") : CheckOutcome.Pass;
        }
        // Name a Go that is installed here; guess no path when none is.
        var go = facts.Go?.Root ?? facts.Installations.Installations.FirstOrDefault()?.Root;
        return Fail("GoLand points to a Go SDK that does not exist",
            string.Join("; ", problems) + ". GoLand shows \"GOROOT is not defined\" and cannot build, run or index the standard library.",
            evidence,
            $"In GoLand: Settings → Go → GOROOT → choose {go ?? "a Go you install from https://go.dev/dl/"}; remove stale SDKs there (Project Structure → SDKs).");
    }
}
