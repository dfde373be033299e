using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>goroot.mismatch</c>: GOROOT (shell or env file) names a missing directory, or not the root of the <c>go</c> that runs.</summary>
internal sealed class GorootMismatchCheck() : Check("goroot.mismatch", Severity.Error, CheckArea.Toolchain)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (facts.Shell.Environment is null)
        {
            return NoShell(facts);
        }
        var evidence = new List<Evidence?>();
        var problems = new List<string>();
        var unknown = new List<string>();
        var root = facts.Go?.Root;
        foreach (var source in GoValues.All(facts, "GOROOT").Where(s => s.Value.Length > 0))
        {
            if (facts.Paths.IsDirectory(source.Value) is not { } exists)
            {
                unknown.Add(source.Value);
            }
            else if (!exists)
            {
                problems.Add($"GOROOT={source.Value} from the {source.Name} does not exist");
                evidence.Add(source.Evidence);
            }
            else if (root is not null && !facts.Paths.SamePlace(source.Value, root))
            {
                problems.Add($"GOROOT={source.Value} from the {source.Name} is not {root}, the root of the go that runs ({facts.Go!.Path})");
                evidence.Add(source.Evidence);
            }
        }
        if (problems.Count == 0)
        {
            return unknown.Count > 0 ? CheckOutcome.Skip($"whether GOROOT {string.Join(", ", unknown)} exists is unknown") : CheckOutcome.Pass;
        }
        var kind = facts.Shell.Kind;
        return Fail("GOROOT does not match the go that runs",
            string.Join("; ", problems) + ". go then compiles against another standard library or fails with \"cannot find GOROOT\". Modern Go finds its own root; GOROOT rarely needs setting.",
            evidence,
            FixFor(kind, root, GoValues.Shell(facts, "GOROOT")?.Evidence, facts.Host.Home),
            ["GOROOT"]);
    }

    /// <summary>
    /// Ends, when the shell sets GOROOT, with a line to paste in place of that assignment: the root of
    /// the go that runs, through Homebrew's stable opt/go path rather than the versioned Cellar.
    /// </summary>
    private static string FixFor(ShellKind kind, string? root, Evidence? shellLine, string home)
    {
        var remove = $"Remove the GOROOT assignment{(shellLine?.File is null ? "" : " in " + ShellSyntax.Where(shellLine, home))} (Go finds its own root; go env -u GOROOT for the env file)";
        if (root is null)
        {
            return $"{remove}, or set it to the installed Go root.";
        }
        var stable = GorootVersionedCheck.StableIfVersioned(root);
        return shellLine?.File is null
            ? $"{remove}, or set it to {stable}."
            : $"{remove}, or replace it with: {ShellSyntax.Export(kind, "GOROOT", stable)}";
    }
}
