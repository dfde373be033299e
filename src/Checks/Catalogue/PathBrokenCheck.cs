using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>path.broken</c>: the login shell's PATH is empty or lacks <c>/usr/bin</c> or <c>/bin</c> (empty entries are <c>path.unsafe</c>'s).</summary>
internal sealed class PathBrokenCheck() : Check("path.broken", Severity.Error, CheckArea.Shell)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (facts.Shell.Environment is null)
        {
            return NoShell(facts);
        }
        var path = facts.Shell.Get("PATH");
        var problems = new List<string>();
        if (string.IsNullOrEmpty(path))
        {
            problems.Add("PATH is empty");
        }
        else
        {
            var entries = path.Split(':').Select(e => e.Length > 1 ? e.TrimEnd('/') : e).ToList();
            foreach (var required in new[] { "/usr/bin", "/bin" })
            {
                if (!entries.Contains(required))
                {
                    problems.Add($"PATH lacks {required}");
                }
            }
        }
        if (problems.Count == 0)
        {
            return CheckOutcome.Pass;
        }
        var blame = facts.Shell.AssignmentOf("PATH");
        var kind = facts.Shell.Kind;
        return Fail("The login shell's PATH is broken",
            string.Join("; ", problems) + $". PATH is \"{path}\". Basic commands (ls, git, clang) are no longer found; this usually comes from an assignment without :$PATH such as export PATH=$GOROOT/bin.",
            [blame, Evidence.Note($"PATH={path}")],
            FixFor(facts, blame, kind));
    }

    private static string FixFor(MachineFacts facts, Evidence? blame, ShellKind kind)
    {
        if (blame is { File: not null, Text: { } text } && ShellSyntax.KeepingPath(kind, text) is { } kept)
        {
            return $"In {ShellSyntax.Where(blame, facts.Host.Home)}, keep the existing PATH: {kept}";
        }
        // Name a Go that is installed here, never a guess at where Go usually lives.
        var goBin = (facts.Go?.Root ?? facts.Installations.Installations.FirstOrDefault()?.Root) is { } root ? Path.Combine(GorootVersionedCheck.StableIfVersioned(root), "bin") : null;
        var where = blame is { File: not null } ? ShellSyntax.Where(blame, facts.Host.Home) : ShellSyntax.RcFile(kind);
        return goBin is null
            ? $"In {where}, add to PATH instead of replacing it: every PATH assignment must keep \"$PATH\" (DIR:\"$PATH\")."
            : $"In {where}, add to PATH instead of replacing it: {ShellSyntax.PrependPath(kind, goBin)}";
    }
}
