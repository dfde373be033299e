using System.Runtime.CompilerServices;
using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests.Corpus;

/// <summary>
/// Realistic startup setups, each a folder under Cases/: <c>case.txt</c> names the shell and the
/// errors and warnings expected (none for a healthy setup), <c>home/</c> is copied into a temp
/// HOME with <c>@SYS@</c> replaced by the Mac-like system root. Every case runs the real shell
/// on a Mac-like tree with Homebrew's Go in /opt/homebrew and a <c>brew</c> that answers
/// <c>--prefix</c> and <c>shellenv</c>.
/// </summary>
public sealed class CorpusTests
{
    private static string CasesDirectory([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(CasesDirectory()).OrderBy(d => d, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_setup_reports_exactly_its_expected_errors_and_warnings(string name)
    {
        var dir = Path.Combine(CasesDirectory(), name);
        var header = File.ReadAllLines(Path.Combine(dir, "case.txt"))
            .Where(l => l.Contains(':', StringComparison.Ordinal) && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
        var expected = header.GetValueOrDefault("expect", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();

        using var s = Scenario.Mac().WithShell("/usr/bin/" + header["shell"]);
        MacWithHomebrewGo(s);
        foreach (var file in Directory.GetFiles(Path.Combine(dir, "home"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Path.Combine(dir, "home"), file);
            var target = Path.Combine(s.Home, relative);
            var content = File.ReadAllText(file).Replace("@SYS@", s.SystemRoot, StringComparison.Ordinal);
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("shims/", StringComparison.Ordinal))
            {
                Executables.Write(target, content);
            }
            else
            {
                Scenario.WriteFile(target, content);
            }
        }

        var report = await s.VerifyAsync();

        var actual = report.Findings
            .Where(f => f.Severity is Severity.Error or Severity.Warning)
            .Where(f => !SeenOnlyOnThisDebianMachine(f))
            .Select(f => f.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual), $"{name}: expected [{string.Join(" ", expected)}], got [{string.Join(" ", actual)}]\n{ReportAssertions.Describe(report)}");
    }

    /// <summary>This Debian machine's own Go (/usr/bin/go → /usr/lib/go-1.19) is visible through the launchd PATH; a Mac has none there.</summary>
    private static bool SeenOnlyOnThisDebianMachine(Finding f) =>
        f.Id == "go.multiple-installs" && File.Exists("/usr/bin/go") && f.Title.StartsWith("2 ", StringComparison.Ordinal) &&
        f.Evidence.Any(e => e.ToString().StartsWith("/usr/lib/go-", StringComparison.Ordinal));

    private static void MacWithHomebrewGo(Scenario s)
    {
        var prefix = s.Sys("/opt/homebrew");
        s.FakeGo(Path.Combine(prefix, "Cellar", "go", "1.22.5", "libexec"), new FakeGo());
        Directory.CreateDirectory(Path.Combine(prefix, "opt"));
        File.CreateSymbolicLink(Path.Combine(prefix, "opt", "go"), Path.Combine(prefix, "Cellar", "go", "1.22.5"));
        Directory.CreateDirectory(Path.Combine(prefix, "bin"));
        File.CreateSymbolicLink(Path.Combine(prefix, "bin", "go"), Path.Combine(prefix, "Cellar", "go", "1.22.5", "libexec", "bin", "go"));
        var brew = Executables.Write(Path.Combine(prefix, "bin", "brew"), $$"""
            #!/bin/sh
            prefix={{Scenario.Sh(prefix)}}
            case "$1" in
              --prefix) if [ -n "$2" ]; then echo "$prefix/opt/$2"; else echo "$prefix"; fi ;;
              shellenv) echo "export HOMEBREW_PREFIX=\"$prefix\"; export PATH=\"$prefix/bin:$prefix/sbin\${PATH+:\$PATH}\";" ;;
              *) exit 1 ;;
            esac

            """);
    }
}
