using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>gopath.invalid</c>: GOPATH equals GOROOT, lies inside it, or is relative.</summary>
internal sealed class GopathInvalidCheck() : Check("gopath.invalid", Severity.Error, CheckArea.Environment)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (facts.Shell.Environment is null && facts.Go?.Env is null)
        {
            return NoShell(facts);
        }
        var goroot = facts.Go?.EnvValue("GOROOT") is { Length: > 0 } g ? g : facts.Go?.Root ?? facts.Shell.Get("GOROOT");
        var sources = GoValues.All(facts, "GOPATH").ToList();
        if (GoValues.GoEnv(facts, "GOPATH") is { } fromGo && sources.Count == 0)
        {
            sources.Add(fromGo);
        }
        var problems = new List<string>();
        var evidence = new List<Evidence?>();
        foreach (var source in sources)
        {
            foreach (var entry in source.Value.Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                string? problem = null;
                if (!entry.StartsWith('/'))
                {
                    problem = $"GOPATH entry \"{entry}\" from the {source.Name} is relative";
                }
                else if (goroot is { Length: > 0 } && facts.Paths.IsInside(entry, goroot))
                {
                    problem = facts.Paths.SamePlace(entry, goroot)
                        ? $"GOPATH entry {entry} from the {source.Name} is GOROOT itself"
                        : $"GOPATH entry {entry} from the {source.Name} lies inside GOROOT {goroot}";
                }
                if (problem is not null)
                {
                    problems.Add(problem);
                    evidence.Add(source.Evidence);
                }
            }
        }
        if (problems.Count == 0)
        {
            return CheckOutcome.Pass;
        }
        var kind = facts.Shell.Kind;
        return Fail("GOPATH is invalid",
            string.Join("; ", problems) + ". go refuses a GOPATH that is relative or equal to GOROOT, and one inside GOROOT mixes your downloads with the standard library.",
            evidence.Distinct(),
            $"Use the default (remove the GOPATH assignment: {ShellSyntax.Unset(kind, "GOPATH")}; go env -u GOPATH) or an absolute directory outside GOROOT, in double quotes so the shell expands $HOME: {ShellSyntax.ExportUnderHome(kind, "GOPATH", "go")}");
    }
}
