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
                if (IsGlobalModuleFlag(flag))
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
        var shell = hits.Where(h => h.Source.Name == "login shell").Select(h => h.Source).FirstOrDefault();
        var file = hits.Where(h => h.Source.Name == "Go env file").Select(h => h.Source).FirstOrDefault();
        // Each fix keeps the other flags and ends with the line to paste (the shell's replaces its assignment).
        var fixes = new List<string> { $"Pass {string.Join(" ", hits.Select(h => h.Flag).Distinct())} per build or per project instead." };
        if (file is not null)
        {
            var rest = Remaining(file.Value);
            fixes.Add("For the Go env file run: " + (rest.Length == 0 ? "go env -u GOFLAGS" : $"go env -w GOFLAGS={ShellSyntax.Quote(rest)}") + (shell is null ? "" : "."));
        }
        if (shell is not null)
        {
            var rest = Remaining(shell.Value);
            fixes.Add($"Replace {ShellSyntax.Where(shell.Evidence, facts.Host.Home)} with: " + (rest.Length == 0 ? ShellSyntax.Unset(kind, "GOFLAGS") : ShellSyntax.Export(kind, "GOFLAGS", rest)));
        }
        return Fail($"GOFLAGS forces {string.Join(", ", hits.Select(h => h.Flag).Distinct())} on every build",
            string.Join("; ", hits.Select(h => $"the {h.Source.Name} sets GOFLAGS={h.Source.Value}")) +
            ". Every module without a vendor directory (or that go.mod file) fails with \"inconsistent vendoring\" or cannot be loaded.",
            hits.Select(h => h.Source.Evidence).Distinct(),
            string.Join(" ", fixes));
    }

    private static bool IsGlobalModuleFlag(string flag)
    {
        var bare = flag.TrimStart('-');
        return bare == "mod=vendor" || bare.StartsWith("modfile=", StringComparison.Ordinal);
    }

    /// <summary>GOFLAGS without the module-mode flags: what a fix keeps.</summary>
    private static string Remaining(string goflags) =>
        string.Join(' ', goflags.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(f => !IsGlobalModuleFlag(f)));
}
