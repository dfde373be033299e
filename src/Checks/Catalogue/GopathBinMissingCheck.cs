using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>gopath.bin-missing</c>: GOBIN, or the first GOPATH entry's <c>bin</c>, is not on PATH.</summary>
internal sealed class GopathBinMissingCheck() : Check("gopath.bin-missing", Severity.Warning, CheckArea.Environment)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (facts.Shell.Environment is null)
        {
            return NoShell(facts);
        }
        string dir;
        Evidence? blame;
        if (GoValues.Effective(facts, "GOBIN") is { } gobin)
        {
            dir = gobin.Value;
            blame = gobin.Evidence;
        }
        else
        {
            // Go's documented default GOPATH is $HOME/go.
            var gopath = GoValues.Effective(facts, "GOPATH");
            var first = (gopath?.Value ?? Path.Combine(facts.Host.Home, "go")).Split(':')[0];
            if (!first.StartsWith('/'))
            {
                return CheckOutcome.Skip("GOPATH is not absolute (see gopath.invalid)");
            }
            dir = Path.Combine(first, "bin");
            blame = gopath?.Evidence;
        }
        var entries = facts.Shell.PathEntries.Select(e => e.Length > 1 ? e.TrimEnd('/') : e);
        if (entries.Contains(dir.Length > 1 ? dir.TrimEnd('/') : dir))
        {
            return CheckOutcome.Pass;
        }
        var kind = facts.Shell.Kind;
        return Fail($"{dir} is not on PATH",
            $"go install puts tools (gopls, dlv, golangci-lint) in {dir}; without it on PATH the shell and GoLand's terminal cannot find them.",
            [blame, facts.Shell.AssignmentOf("PATH"), Evidence.Note($"PATH={facts.Shell.Get("PATH")}")],
            $"Add it in {ShellSyntax.UserFile(kind, facts.Host.Home, pathLine: true, facts.Shell.AssignmentOf("PATH"), blame)}: {ShellSyntax.AppendPath(kind, dir)}");
    }
}
