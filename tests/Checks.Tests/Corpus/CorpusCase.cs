using GoWatch.Platform;

namespace GoWatch.Checks.Tests.Corpus;

/// <summary>
/// One setup's <c>case.txt</c>, a line per key (<c>#</c> starts a comment):
/// <code>
/// shell: zsh | bash | fish
/// platform: mac | linux                         (mac)
/// go: homebrew /usr/local/go /usr/lib/go-1.19   (homebrew)
/// expect: CHECK-ID …                            every error and warning, nothing else
/// evidence: CHECK-ID FILE:LINE                  the finding names that line (FILE relative to HOME, or @SYS@/…)
/// fixtext: CHECK-ID TEXT                        the fix says TEXT
/// fix: CHECK-ID FILE[:LINE] PREFIX              the fix's command from PREFIX on replaces LINE (or is appended to FILE);
///                                               run again, the finding is gone and nothing new is raised
/// </code>
/// </summary>
public sealed record CorpusCase(
    string Shell,
    PlatformKind Platform,
    IReadOnlyList<string> Installs,
    IReadOnlyList<string> Expect,
    IReadOnlyList<(string Id, string File, int Line)> Evidence,
    IReadOnlyList<(string Id, string Text)> FixTexts,
    IReadOnlyList<CorpusFix> Fixes)
{
    public static CorpusCase Read(string path)
    {
        var entries = File.ReadAllLines(path)
            .Where(l => !l.TrimStart().StartsWith('#') && l.Contains(':', StringComparison.Ordinal))
            .Select(l => (Key: l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .ToList();
        string? One(string key) => entries.Where(e => e.Key == key).Select(e => e.Value).LastOrDefault();
        IEnumerable<string[]> All(string key, int parts) => entries.Where(e => e.Key == key).Select(e => e.Value.Split(' ', parts, StringSplitOptions.RemoveEmptyEntries));

        var platform = One("platform") switch
        {
            null or "mac" => PlatformKind.MacOS,
            "linux" => PlatformKind.Linux,
            var other => throw new InvalidDataException($"{path}: unknown platform {other}"),
        };
        return new CorpusCase(
            One("shell") ?? throw new InvalidDataException($"{path}: no shell"),
            platform,
            (One("go") ?? "homebrew").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            (One("expect") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList(),
            All("evidence", 2).Select(p => (p[0], FileOf(p[1]), LineOf(p[1]) ?? throw new InvalidDataException($"{path}: evidence without a line"))).ToList(),
            All("fixtext", 2).Select(p => (p[0], p[1])).ToList(),
            All("fix", 3).Select(p => new CorpusFix(p[0], FileOf(p[1]), LineOf(p[1]), p[2])).ToList());
    }

    private static string FileOf(string at) => at.LastIndexOf(':') is var colon and > 0 && int.TryParse(at[(colon + 1)..], out _) ? at[..colon] : at;

    private static int? LineOf(string at) => at.LastIndexOf(':') is var colon and > 0 && int.TryParse(at[(colon + 1)..], out var n) ? n : null;
}
