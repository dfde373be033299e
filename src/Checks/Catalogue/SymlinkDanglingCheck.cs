using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>symlink.dangling</c>: a <c>go</c> or <c>gofmt</c> symlink on PATH or in a well-known bin dir points to a missing target.</summary>
internal sealed class SymlinkDanglingCheck() : Check("symlink.dangling", Severity.Error, CheckArea.Installations)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        var links = facts.Installations.DanglingSymlinks;
        if (links.Count == 0)
        {
            // Without the shell's PATH only the well-known bin directories were searched.
            return facts.Shell.Environment is null ? NoShell(facts) : CheckOutcome.Pass;
        }
        return Fail($"{links.Count} go/gofmt symlink(s) point to nothing",
            "Usually left behind when a Go installation (Homebrew, /usr/local/go) was removed. A dangling link on PATH hides a working go further down and fails with \"no such file or directory\".",
            links.Select(l => new Evidence(l.Path, null, $"-> {l.Target}{(l.OnPath ? " (on PATH)" : "")}")),
            $"Remove them: rm {string.Join(" ", links.Select(l => ShellSyntax.Quote(l.Path)))}");
    }
}
