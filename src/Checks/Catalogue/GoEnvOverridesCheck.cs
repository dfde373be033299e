using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>goenv.overrides</c>: the Go env file sets GOROOT, or sets a variable the shell also sets to a different value.</summary>
internal sealed class GoEnvOverridesCheck() : Check("goenv.overrides", Severity.Warning, CheckArea.Environment)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        var file = facts.GoEnvFile;
        if (file.Error is not null)
        {
            return CheckOutcome.Skip($"the Go env file could not be read: {file.Error}");
        }
        var problems = new List<string>();
        var evidence = new List<Evidence?>();
        var variables = new List<string>();
        if (file.Get("GOROOT") is { } goroot)
        {
            variables.Add("GOROOT");
            problems.Add($"the Go env file sets GOROOT={goroot.Value}, which outlives any reinstall of Go");
            evidence.Add(file.EvidenceFor("GOROOT"));
        }
        if (facts.Shell.Environment is null)
        {
            return problems.Count > 0 ? Report(problems, evidence, variables) : NoShell(facts);
        }
        foreach (var key in file.Entries.Select(e => e.Key).Distinct().Where(k => k != "GOROOT"))
        {
            var fromFile = file.Get(key)!;
            if (facts.Shell.Get(key) is { } fromShell && fromShell != fromFile.Value)
            {
                problems.Add($"{key} is {fromFile.Value} in the Go env file but {fromShell} in the login shell (the shell wins in terminals, GoLand may use the file)");
                variables.Add(key);
                evidence.Add(file.EvidenceFor(key));
                evidence.Add(facts.Shell.AssignmentOf(key));
            }
        }
        return problems.Count == 0 ? CheckOutcome.Pass : Report(problems, evidence, variables);
    }

    private CheckOutcome Report(List<string> problems, List<Evidence?> evidence, List<string> variables) =>
        Fail("The Go env file overrides your settings",
            string.Join("; ", problems) + ".",
            evidence,
            "Keep each variable in one place: go env -u NAME removes it from the Go env file (go env GOENV shows the file).",
            variables);
}
