using System.Runtime.CompilerServices;
using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests.Corpus;

/// <summary>
/// Realistic startup setups, each a folder under Cases/: <c>case.txt</c> (see <see cref="CorpusCase"/>)
/// names the shell, the platform, the Go installations, the errors and warnings expected (none for
/// a healthy setup), the evidence lines they must name and the fixes to paste; <c>home/</c> is
/// copied into a temp HOME and <c>sys/</c> under the system root, with <c>@SYS@</c> replaced by
/// that root and <c>@HOME@</c> by HOME (for files no shell expands, such as Go's env file). Every case runs the real shell on the tree <see cref="CorpusMachine"/> lays out.
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
    public async Task Each_setup_reports_exactly_its_expected_errors_and_warnings_with_their_evidence_and_fixes_that_paste(string name)
    {
        var dir = Path.Combine(CasesDirectory(), name);
        var c = CorpusCase.Read(Path.Combine(dir, "case.txt"));

        using var s = Scenario.Mac().WithShell("/usr/bin/" + c.Shell);
        var envFile = CorpusMachine.LayOut(s, c.Platform, c.Installs);
        foreach (var file in Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "case.txt"))
        {
            var relative = Path.GetRelativePath(dir, file);
            // home/… goes to HOME, sys/… under the system root.
            var target = relative.StartsWith("home/", StringComparison.Ordinal)
                ? Path.Combine(s.Home, relative["home/".Length..])
                : s.Sys("/" + relative["sys/".Length..]);
            var content = Expand(s, File.ReadAllText(file));
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("shims/", StringComparison.Ordinal) || relative.Contains("/libexec/", StringComparison.Ordinal))
            {
                Executables.Write(target, content);
            }
            else
            {
                Scenario.WriteFile(target, content);
            }
        }
        Task<VerificationReport> Verify() => new Verifier().RunAsync(s.Settings() with { GoEnvFile = envFile }, s.Request(), CancellationToken.None);

        var report = await Verify();

        Assert.True(c.Expect.SequenceEqual(Reported(report)), $"{name}: expected [{string.Join(" ", c.Expect)}], got [{string.Join(" ", Reported(report))}]\n{ReportAssertions.Describe(report)}");
        foreach (var (id, file, line) in c.Evidence)
        {
            var path = HomeOrSys(s, file);
            Assert.True(report.Fires(id).Evidence.Any(e => e.File == path && e.Line == line),
                $"{name}: {id} does not name {file}:{line}\n{ReportAssertions.Describe(report)}");
        }
        foreach (var (id, text) in c.FixTexts)
        {
            Assert.True(report.Fires(id).Fix?.Contains(Expand(s, text), StringComparison.Ordinal) == true,
                $"{name}: the fix of {id} does not say `{text}`\n{ReportAssertions.Describe(report)}");
        }
        foreach (var fix in c.Fixes)
        {
            // Each fix is pasted into a copy of the case's files and the shell run again.
            var backup = Snapshot(s.Home);
            var finding = report.Fires(fix.Id);
            var at = finding.Fix!.IndexOf(fix.Command, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{name}: the fix of {fix.Id} has no `{fix.Command}`: {finding.Fix}");
            var command = finding.Fix[at..];
            var target = HomeOrSys(s, fix.File);
            var lines = File.Exists(target) ? File.ReadAllLines(target).ToList() : [];
            if (fix.Line is { } n)
            {
                lines[n - 1] = command;
            }
            else
            {
                lines.Add(command);
            }
            File.WriteAllLines(target, lines);

            var after = await Verify();

            Assert.True(after.Findings.All(f => f.Id != fix.Id || f.Severity is not (Severity.Error or Severity.Warning)),
                $"{name}: {fix.Id} still fires after pasting `{command}` into {fix.File}\n{ReportAssertions.Describe(after)}");
            var added = Reported(after).Except(c.Expect).ToList();
            Assert.True(added.Count == 0, $"{name}: pasting the fix of {fix.Id} raised [{string.Join(" ", added)}]\n{ReportAssertions.Describe(after)}");
            Restore(s.Home, backup);
        }
    }

    private static List<string> Reported(VerificationReport report) => report.Findings
        .Where(f => f.Severity is Severity.Error or Severity.Warning)
        .Where(f => !SeenOnlyOnThisDebianMachine(f))
        .Select(f => f.Id).Distinct().Order(StringComparer.Ordinal).ToList();

    private static string Expand(Scenario s, string text) =>
        text.Replace("@SYS@", s.SystemRoot, StringComparison.Ordinal).Replace("@HOME@", s.Home, StringComparison.Ordinal);

    private static string HomeOrSys(Scenario s, string file) =>
        file.StartsWith("@SYS@/", StringComparison.Ordinal) ? s.Sys(file["@SYS@".Length..]) : Path.Combine(s.Home, file);

    private static Dictionary<string, byte[]> Snapshot(string home) =>
        Directory.GetFiles(home, "*", SearchOption.AllDirectories).Where(f => !IsLink(f)).ToDictionary(f => f, File.ReadAllBytes);

    private static void Restore(string home, Dictionary<string, byte[]> snapshot)
    {
        foreach (var file in Directory.GetFiles(home, "*", SearchOption.AllDirectories).Where(f => !IsLink(f) && !snapshot.ContainsKey(f)))
        {
            File.Delete(file);
        }
        // Only what the fix changed is written back: rewriting a script in place could make its next run fail (ETXTBSY).
        foreach (var (file, bytes) in snapshot.Where(f => !File.Exists(f.Key) || !File.ReadAllBytes(f.Key).AsSpan().SequenceEqual(f.Value)))
        {
            File.WriteAllBytes(file, bytes);
        }
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>
    /// This Debian machine's own Go (/usr/bin/go → /usr/lib/go-1.19) is visible through the launchd PATH; a Mac has none there.
    /// Only when the others alone would not make two installations.
    /// </summary>
    private static bool SeenOnlyOnThisDebianMachine(Finding f) =>
        f.Id == "go.multiple-installs" && File.Exists("/usr/bin/go") &&
        f.Evidence.Count(e => e.File is { } p && !p.StartsWith("/usr/lib/go-", StringComparison.Ordinal)) < 2;
}
