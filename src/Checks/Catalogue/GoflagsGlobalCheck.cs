using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>goflags.global</c>: GOFLAGS, set for every build in the shell or the Go env file, carries
/// <c>-mod=vendor</c> or <c>-modfile=</c>; every module without a vendor directory (or that file)
/// then fails with "inconsistent vendoring" or a missing go.mod.
/// </summary>
internal sealed class GoflagsGlobalCheck() : Check("goflags.global", Severity.Warning, CheckArea.Environment)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        var hits = new List<(GoValues.Source Source, string Flag)>();
        foreach (var source in GoValues.All(facts, "GOFLAGS"))
        {
            foreach (var flag in source.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var bare = flag.TrimStart('-');
                if (bare == "mod=vendor" || bare.StartsWith("modfile=", StringComparison.Ordinal))
                {
                    hits.Add((source, flag));
                }
            }
        }
        if (hits.Count == 0)
        {
            return facts.Shell.Environment is null ? NoShell(facts) : CheckOutcome.Pass;
        }
        var kind = facts.Shell.Kind;
        var fromShell = hits.Any(h => h.Source.Name == "login shell");
        var fromFile = hits.Any(h => h.Source.Name == "Go env file");
        var fixes = new List<string>();
        if (fromShell)
        {
            fixes.Add($"remove it from GOFLAGS in {ShellSyntax.Where(hits.First(h => h.Source.Name == "login shell").Source.Evidence)} ({ShellSyntax.Unset(kind, "GOFLAGS")} if nothing else is in it)");
        }
        if (fromFile)
        {
            fixes.Add("go env -u GOFLAGS (or go env -w GOFLAGS= with the other flags)");
        }
        return Fail($"GOFLAGS forces {string.Join(", ", hits.Select(h => h.Flag).Distinct())} on every build",
            string.Join("; ", hits.Select(h => $"the {h.Source.Name} sets GOFLAGS={h.Source.Value}")) +
            ". Every module without a vendor directory (or that go.mod file) fails with \"inconsistent vendoring\" or cannot be loaded.",
            hits.Select(h => h.Source.Evidence).Distinct(),
            "Pass the flag per build or per project instead: " + string.Join("; ", fixes) + ".");
    }
}
