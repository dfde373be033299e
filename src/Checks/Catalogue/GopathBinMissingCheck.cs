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
        // "$HOME/golang/" as GOPATH puts ".../golang//bin" on PATH: the same directory.
        if (facts.Shell.PathEntries.Select(Normal).Contains(Normal(dir)))
        {
            return CheckOutcome.Pass;
        }
        // fish_add_path and zsh's (N-/) leave out a directory that does not exist yet: a PATH line
        // that names it adds it at the first start after go install creates it.
        if (facts.Paths.IsDirectory(dir) == false && PathLinesName(facts, dir))
        {
            return CheckOutcome.Pass;
        }
        var kind = facts.Shell.Kind;
        return Fail($"{dir} is not on PATH",
            $"go install puts tools (gopls, dlv, golangci-lint) in {dir}; without it on PATH the shell and GoLand's terminal cannot find them.",
            [blame, facts.Shell.AssignmentOf("PATH"), Evidence.Note($"PATH={facts.Shell.Get("PATH")}")],
            $"Add it in {ShellSyntax.UserFile(kind, facts.Host.Home, pathLine: true, facts.Shell.AssignmentOf("PATH"), blame)}: {ShellSyntax.AppendPath(kind, dir)}");
    }

    private static string Normal(string path)
    {
        while (path.Contains("//", StringComparison.Ordinal))
        {
            path = path.Replace("//", "/", StringComparison.Ordinal);
        }
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private static bool PathLinesName(MachineFacts facts, string dir)
    {
        var lines = facts.Shell.AssignmentHistory.TryGetValue("PATH", out var history) && history.Count > 0
            ? history.Select(e => e.Text)
            : [facts.Shell.AssignmentOf("PATH")?.Text];
        var home = facts.Host.Home.TrimEnd('/');
        var names = new List<string> { "$GOPATH/bin", "${GOPATH}/bin", "$GOBIN", "${GOBIN}", "(go env GOPATH)/bin", Normal(dir) };
        if (Normal(dir).StartsWith(home + "/", StringComparison.Ordinal))
        {
            var under = Normal(dir)[(home.Length + 1)..];
            // A tilde only at the start of a word: inside quotes it is never expanded.
            names.AddRange(["$HOME/" + under, "${HOME}/" + under, " ~/" + under, "(~/" + under]);
        }
        return lines.Any(text => text is not null && names.Any(n => text.Contains(n, StringComparison.Ordinal)));
    }
}
