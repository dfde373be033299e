using System.Text.RegularExpressions;
using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>goroot.versioned</c>: GOROOT, a PATH entry, the Go env file or a GoLand SDK names a versioned
/// Homebrew path (<c>…/Cellar/go/1.22.5/…</c>) that the next <c>brew upgrade go</c> deletes; the fix
/// names the stable <c>&lt;prefix&gt;/opt/go</c> path.
/// </summary>
internal sealed partial class GorootVersionedCheck() : Check("goroot.versioned", Severity.Warning, CheckArea.Toolchain)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        var hits = new List<(string Where, string Path, Evidence? Evidence)>();
        // A startup line that computes the path ($(go env GOROOT)) gets the new one at the next start
        // after an upgrade: only a line that names the Cellar itself is left behind.
        var literalRoot = GoValues.Shell(facts, "GOROOT") is { } shellRoot && IsVersioned(shellRoot.Value) && NamesCellar(shellRoot.Evidence) ? shellRoot : null;
        if (literalRoot is not null)
        {
            hits.Add(("GOROOT in the login shell", literalRoot.Value, literalRoot.Evidence));
        }
        var pathNamesCellar = facts.Shell.AssignmentHistory.TryGetValue("PATH", out var history) && history.Count > 0
            ? history.Any(NamesCellar)
            : NamesCellar(facts.Shell.AssignmentOf("PATH"));
        foreach (var entry in facts.Shell.PathEntries.Where(IsVersioned).Distinct(StringComparer.Ordinal))
        {
            if (pathNamesCellar || (literalRoot is not null && entry.StartsWith(literalRoot.Value, StringComparison.Ordinal)))
            {
                hits.Add(("PATH", entry, facts.Shell.AssignmentOf("PATH")));
            }
        }
        foreach (var entry in facts.GoEnvFile.Entries.Where(e => IsVersioned(e.Value)))
        {
            hits.Add(($"{entry.Key} in the Go env file", entry.Value, new Evidence(facts.GoEnvFile.Path, entry.Line, entry.Text)));
        }
        foreach (var sdk in facts.GoLand.Sdks.Where(s => IsVersioned(s.Home)))
        {
            hits.Add(("a GoLand SDK", sdk.Home, sdk.Evidence));
        }
        foreach (var project in facts.GoLand.Projects.Where(p => p.Goroot is { } r && IsVersioned(r)))
        {
            hits.Add(($"GoLand project {project.Directory}", project.Goroot!, project.GorootEvidence));
        }
        if (hits.Count == 0)
        {
            // Without the shell, its GOROOT and PATH were not seen.
            return facts.Shell.Environment is null ? NoShell(facts) : CheckOutcome.Pass;
        }
        var version = Versioned().Match(hits[0].Path).Groups["version"].Value;
        return Fail($"Go is named by a versioned Homebrew path (go {version})",
            string.Join("; ", hits.Select(h => $"{h.Where} uses {h.Path}")) + ". brew upgrade go deletes that directory, and everything pointing there breaks with it.",
            hits.Select(h => h.Evidence).Distinct(),
            "Use Homebrew's stable path instead: " + string.Join("; ", hits.Select(h => h.Path).Distinct(StringComparer.Ordinal).Select(p => $"{p} → {Stable(p)}")) +
            // The startup line that names the Cellar, rewritten: a line to paste in its place.
            (hits.Where(h => h.Where is "GOROOT in the login shell" or "PATH").Select(h => h.Evidence)
                .FirstOrDefault(e => e is { File: not null, Text: { } t } && t.Contains("/Cellar/go/", StringComparison.Ordinal)) is { Text: { } text } line
                ? $". In {ShellSyntax.Where(line, facts.Host.Home)} write: {CellarInText().Replace(text, m => "/opt/go" + (m.Groups["rest"].Length == 0 ? "/libexec" : m.Groups["rest"].Value))}"
                : ""));
    }

    public static bool IsVersioned(string path) => Versioned().IsMatch(path);

    /// <summary>A path to write into a startup file: through opt/go when it is a versioned Cellar path, which the next upgrade deletes.</summary>
    public static string StableIfVersioned(string path) => IsVersioned(path) ? Stable(path) : path;

    /// <summary>Whether a startup line names a versioned Cellar path itself; an unknown line is taken to.</summary>
    private static bool NamesCellar(Evidence? line) => line?.Text is not { } text || text.Contains("/Cellar/go/", StringComparison.Ordinal);

    /// <summary>The same place through <c>&lt;prefix&gt;/opt/go</c>, which Homebrew keeps across upgrades; a bare Cellar root becomes its GOROOT, <c>libexec</c>.</summary>
    public static string Stable(string path)
    {
        var m = Versioned().Match(path);
        var rest = m.Groups["rest"].Value.TrimEnd('/');
        return m.Groups["prefix"].Value + "/opt/go" + (rest.Length == 0 ? "/libexec" : rest);
    }

    [GeneratedRegex(@"/Cellar/go/\d[^/\s""':;]*(?<rest>/[^\s""':;]*)?")]
    private static partial Regex CellarInText();

    [GeneratedRegex(@"^(?<prefix>.*?)/Cellar/go/(?<version>\d[^/]*)(?<rest>/.*)?$")]
    private static partial Regex Versioned();
}
