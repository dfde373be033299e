using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>path.unsafe</c>: PATH has an empty entry (a stray <c>:</c>), <c>.</c>, or a relative directory,
/// so the current directory is searched for commands: a <c>go</c> or <c>git</c> dropped in a
/// cloned repository runs instead of the real one.
/// </summary>
internal sealed class PathUnsafeCheck() : Check("path.unsafe", Severity.Warning, CheckArea.Shell)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (facts.Shell.Environment is null)
        {
            return NoShell(facts);
        }
        if (facts.Shell.Get("PATH") is not { Length: > 0 } path)
        {
            // An empty PATH is path.broken's finding.
            return CheckOutcome.Pass;
        }
        var entries = path.Split(':');
        var problems = new List<string>();
        if (entries.Any(e => e.Length == 0))
        {
            problems.Add("an empty entry (\"::\" or a leading or trailing \":\")");
        }
        foreach (var entry in entries.Where(e => e.Length > 0 && !e.StartsWith('/')).Distinct(StringComparer.Ordinal))
        {
            problems.Add(entry is "." or "./" ? "\".\"" : $"the relative directory \"{entry}\"");
        }
        if (problems.Count == 0)
        {
            return CheckOutcome.Pass;
        }
        var blame = facts.Shell.AssignmentOf("PATH");
        return Fail("PATH searches the current directory",
            $"PATH has {string.Join(", ", problems)}. Commands are then looked up relative to whatever directory you are in: a go, git or ls planted in a cloned repository runs instead of the real one.",
            [blame, Evidence.Note($"PATH={path}")],
            FixFor(blame, entries, facts.Host.Home));
    }

    private static string FixFor(Evidence? blame, string[] entries, string home)
    {
        // The blamed line itself without the unsafe entries, when it is a plain PATH assignment.
        var relative = entries.Where(e => e.Length > 0 && !e.StartsWith('/')).ToHashSet(StringComparer.Ordinal);
        if (blame is { File: not null, Text: { } text } &&
            ShellSyntax.WithoutUnsafePathEntries(text, relative) is { } fixedLine && fixedLine != text.Trim())
        {
            return relative.Count == 0
                ? $"In {ShellSyntax.Where(blame, home)}, write it without the stray \":\": {fixedLine}"
                : $"In {ShellSyntax.Where(blame, home)}, write it without the relative entries: {fixedLine}";
        }
        return $"In {ShellSyntax.Where(blame, home)}, remove the stray \":\" and the relative entries; every PATH entry should be an absolute directory.";
    }
}
