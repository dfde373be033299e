using GoWatch.Checks.Facts;
using GoWatch.Checks.Probes;
using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests;

/// <summary>
/// macOS's /etc/zprofile sets PATH with <c>eval "$(/usr/libexec/path_helper -s)"</c>: zsh traces the
/// assignment as <c>(eval)</c>, and path_helper runs after ~/.zshenv and reorders what it set.
/// </summary>
public sealed class PathHelperTests
{
    [Fact]
    public void A_path_set_inside_eval_is_blamed_on_the_eval_line_of_etc_zprofile()
    {
        var stderr = string.Join("\n",
            "+/etc/zprofile:1> [ -x /usr/libexec/path_helper ']'",
            "+/etc/zprofile:2> /usr/libexec/path_helper -s",
            "+/etc/zprofile:2> eval 'PATH=\"/usr/local/bin:/usr/bin:/bin\"; export PATH;'",
            "+(eval):1> PATH=/usr/local/bin:/usr/bin:/bin ",
            "+(eval):1> export PATH",
            "+/home/u/.zshrc:1> alias ll='ls -l'") + "\n";

        var assignments = ShellTrace.Assignments(ShellKind.Zsh, stderr, "/nonexistent-gowatch-home");

        Assert.Equal("/etc/zprofile", assignments["PATH"].File);
        Assert.Equal(2, assignments["PATH"].Line);
    }

    /// <summary>
    /// A Mac-like tree: Homebrew's Intel go linked in /usr/local/bin (listed in /etc/paths), the
    /// user's GOROOT at /usr/local/go set in ~/.zshenv, and a path_helper that does what Apple's
    /// does. zsh here reads Debian's /etc/zsh, so ~/.zprofile runs the eval in /etc/zprofile's place.
    /// </summary>
    private static Scenario MacWithPathHelper()
    {
        var s = Scenario.Mac();
        var goroot = s.Sys("/usr/local/go");
        s.FakeGo(goroot, new FakeGo());
        var brewGo = s.Sys("/usr/local/Cellar/go/1.20.1/libexec");
        s.FakeGo(brewGo, new FakeGo { Version = "go1.20.1" });
        Directory.CreateDirectory(s.Sys("/usr/local/bin"));
        File.CreateSymbolicLink(s.Sys("/usr/local/bin/go"), Path.Combine(brewGo, "bin", "go"));
        Scenario.WriteFile(s.Sys("/etc/paths"), string.Join("\n", s.Sys("/usr/local/bin"), "/usr/bin", "/bin", "/usr/sbin", "/sbin") + "\n");
        Directory.CreateDirectory(s.Sys("/etc/paths.d"));
        // path_helper: /etc/paths, then /etc/paths.d/*, then what PATH had that they do not list.
        var helper = Executables.Write(s.Sys("/usr/libexec/path_helper"), $$"""
            #!/bin/sh
            root={{Scenario.Sh(s.SystemRoot)}}
            p=""
            for d in $(cat "$root/etc/paths" "$root"/etc/paths.d/* 2>/dev/null) $(echo "$PATH" | tr ':' ' '); do
              case ":$p:" in *":$d:"*) ;; *) p="${p:+$p:}$d" ;; esac
            done
            echo "PATH=\"$p\"; export PATH;"

            """);
        s.HomeFile(".zshenv", $"export GOROOT={Scenario.Sh(goroot)}\nexport PATH=\"$GOROOT/bin:$PATH\"\n");
        s.HomeFile(".zprofile", $"if [ -x {Scenario.Sh(helper)} ]; then\n  eval \"$({Scenario.Sh(helper)} -s)\"\nfi\n");
        return s;
    }

    [Fact]
    public async Task Path_helper_reordering_zshenv_is_blamed_on_its_eval_and_the_fix_avoids_zshenv()
    {
        using var s = MacWithPathHelper();

        var report = await s.VerifyAsync("path.order");

        var finding = report.Fires("path.order");
        Assert.Contains(finding.Evidence, e => e.File == Path.Combine(s.Home, ".zprofile") && e.Line == 2);
        Assert.DoesNotContain(".zshenv line", finding.Fix);
        Assert.StartsWith("Put $GOROOT/bin first in ~/.zprofile", finding.Fix);
    }

    [Fact]
    public async Task Applying_the_path_order_fix_after_path_helper_clears_it_without_a_new_finding()
    {
        using var s = MacWithPathHelper();
        var before = await s.VerifyAsync();
        var fix = before.Fires("path.order").Fix!;

        File.AppendAllText(Path.Combine(s.Home, ".zprofile"), fix[fix.IndexOf("export PATH=", StringComparison.Ordinal)..] + "\n");
        var after = await s.VerifyAsync();

        after.Passes("path.order");
        Assert.Empty(after.Findings.Select(f => f.Id).Except(before.Findings.Select(f => f.Id)));
    }

    [Fact]
    public async Task A_path_set_inside_a_helper_function_is_blamed_on_the_line_that_called_it()
    {
        // Given a PATH helper function, as plugin files and hand-made rc files use
        using var s = Scenario.Mac();
        var rc = s.Zshrc(
            "path_prepend() {",
            "  export PATH=\"$1:$PATH\"",
            "}",
            "alias ll='ls -l'",
            "path_prepend /opt/tools/bin");

        var facts = await s.FactsAsync();

        Assert.Equal(new Evidence(rc, 5, "path_prepend /opt/tools/bin"), facts.Shell.AssignmentOf("PATH"));
    }
}
