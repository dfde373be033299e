using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>gopath.mixed</c>: GOPATH has several entries, or the shell and the Go env file set different GOPATHs.</summary>
internal sealed class GopathMixedCheck() : Check("gopath.mixed", Severity.Warning, CheckArea.Environment)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (facts.Shell.Environment is null)
        {
            return NoShell(facts);
        }
        var shell = GoValues.Shell(facts, "GOPATH");
        var file = GoValues.EnvFile(facts, "GOPATH");
        var problems = new List<string>();
        var evidence = new List<Evidence?>();
        foreach (var source in new[] { shell, file }.OfType<GoValues.Source>())
        {
            if (source.Value.Split(':', StringSplitOptions.RemoveEmptyEntries).Length > 1)
            {
                problems.Add($"GOPATH from the {source.Name} has several entries ({source.Value})");
                evidence.Add(source.Evidence);
            }
        }
        if (shell is not null && file is not null && shell.Value != file.Value)
        {
            problems.Add($"the login shell sets GOPATH={shell.Value} but the Go env file sets GOPATH={file.Value}");
            evidence.Add(shell.Evidence);
            evidence.Add(file.Evidence);
        }
        if (problems.Count == 0)
        {
            return CheckOutcome.Pass;
        }
        return Fail("GOPATH is mixed",
            string.Join("; ", problems) + ". Tools then install to one place and look in another; GoLand may use yet another.",
            evidence.Distinct(),
            "Keep a single GOPATH in one place: remove it from the Go env file (go env -u GOPATH) or from your shell startup file.");
    }
}
