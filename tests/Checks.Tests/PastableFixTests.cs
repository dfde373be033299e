using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests;

/// <summary>
/// Fixes that are shell lines paste: each is applied in a sandbox (the temp HOME's startup file,
/// the real shell run again) and the finding is gone with no new one in its place.
/// </summary>
public sealed class PastableFixTests
{
    private static string GoOnPath(Scenario s)
    {
        var root = s.Sys("/opt/homebrew/opt/go/libexec");
        s.FakeGo(root, new FakeGo());
        return Path.Combine(root, "bin");
    }

    /// <summary>The shell line a fix ends with (after "…: ").</summary>
    private static string Command(Finding finding, string startsWith)
    {
        var at = finding.Fix!.IndexOf(startsWith, StringComparison.Ordinal);
        Assert.True(at >= 0, $"fix has no `{startsWith}`: {finding.Fix}");
        return finding.Fix[at..];
    }

    private static void ReplaceLine(string file, int line, string text)
    {
        var lines = File.ReadAllLines(file);
        lines[line - 1] = text;
        File.WriteAllLines(file, lines);
    }

    private static void AssertNoNewFinding(VerificationReport before, VerificationReport after, params string[] revealedByThisMachine) =>
        Assert.True(!after.Findings.Select(f => f.Id).Except(before.Findings.Select(f => f.Id)).Except(revealedByThisMachine).Any(),
            "a new finding appeared:\n" + ReportAssertions.Describe(after));

    [Fact]
    public async Task A_single_quoted_home_gopath_is_invalid_and_its_fix_expands_home()
    {
        // Given export GOPATH='$HOME/go': a literal, relative GOPATH
        using var s = Scenario.Mac();
        var rc = s.Zshrc($"export PATH={Scenario.Sh(GoOnPath(s))}:\"$PATH\":\"$HOME/go/bin\"", "export GOPATH='$HOME/go'");
        var before = await s.VerifyAsync();
        var finding = before.Fires("gopath.invalid");
        var fix = Command(finding, "export GOPATH=");
        Assert.Equal("export GOPATH=\"$HOME/go\"", fix);

        // When the fix is pasted at the end of ~/.zshrc
        File.AppendAllText(rc, fix + "\n");
        var after = await s.VerifyAsync();

        // Then GOPATH is valid and nothing new is reported
        after.Passes("gopath.invalid");
        AssertNoNewFinding(before, after);
    }

    [Fact]
    public async Task A_single_quoted_home_gopath_in_fish_gets_a_fish_fix_that_pastes()
    {
        using var s = Scenario.Mac().WithShell("/usr/bin/fish");
        // fish_add_path adds only directories that exist.
        Directory.CreateDirectory(Path.Combine(s.Home, "go", "bin"));
        var config = s.HomeFile(".config/fish/config.fish",
            $"fish_add_path --prepend {Scenario.Sh(GoOnPath(s))}\nfish_add_path --append $HOME/go/bin\nset -gx GOPATH '$HOME/go'\n");
        var before = await s.VerifyAsync();
        var fix = Command(before.Fires("gopath.invalid"), "set -gx GOPATH");
        Assert.Equal("set -gx GOPATH \"$HOME/go\"", fix);

        File.AppendAllText(config, fix + "\n");
        var after = await s.VerifyAsync();

        after.Passes("gopath.invalid");
        AssertNoNewFinding(before, after);
    }

    [Fact]
    public async Task A_trailing_colon_is_blamed_on_its_line_and_the_fix_drops_it()
    {
        // Given export PATH=$PATH:$HOME/.bin: on line 2
        using var s = Scenario.Mac();
        var rc = s.Zshrc($"export PATH={Scenario.Sh(GoOnPath(s))}:\"$PATH\":\"$HOME/go/bin\"", "export PATH=$PATH:$HOME/.bin:");
        var before = await s.VerifyAsync();
        var finding = before.Fires("path.unsafe");
        Assert.Contains(finding.Evidence, e => e.File == rc && e.Line == 2);
        var fix = Command(finding, "export PATH=");
        Assert.Equal("export PATH=$PATH:$HOME/.bin", fix);

        // When line 2 is replaced by the fix
        ReplaceLine(rc, 2, fix);
        var after = await s.VerifyAsync();

        // Then PATH is safe and nothing new is reported
        after.Passes("path.unsafe");
        AssertNoNewFinding(before, after);
    }

    [Fact]
    public async Task A_gopath_bin_fix_goes_in_the_file_that_sets_path_and_clears_it()
    {
        // Given PATH kept in ~/.zprofile, not ~/.zshrc
        using var s = Scenario.Mac();
        var profile = s.HomeFile(".zprofile", $"export PATH={Scenario.Sh(GoOnPath(s))}:\"$PATH\"\n");
        var before = await s.VerifyAsync();
        var finding = before.Fires("gopath.bin-missing");
        Assert.StartsWith("Add it in ~/.zprofile:", finding.Fix);

        File.AppendAllText(profile, Command(finding, "export PATH=") + "\n");
        var after = await s.VerifyAsync();

        after.Passes("gopath.bin-missing");
        AssertNoNewFinding(before, after);
    }

    [Fact]
    public async Task A_path_replaced_without_keeping_it_gets_its_own_line_back_keeping_path()
    {
        // Given Go from Homebrew and a line that replaces PATH
        using var s = Scenario.Mac();
        var rc = s.Zshrc($"export GOROOT={Scenario.Sh(Path.GetDirectoryName(GoOnPath(s))!)}", "export PATH=\"$PATH\":\"$HOME/go/bin\"", "export PATH=$GOROOT/bin");
        var before = await s.VerifyAsync();
        var finding = before.Fires("path.broken");
        Assert.DoesNotContain("/usr/local/go", finding.Fix);
        var fix = Command(finding, "export PATH=");
        Assert.Equal("export PATH=$GOROOT/bin:\"$PATH\"", fix);

        ReplaceLine(rc, 3, fix);
        var after = await s.VerifyAsync();

        after.Passes("path.broken");
        // With /usr/bin back on PATH this Debian machine's own /usr/bin/go is seen, which a Mac does not have.
        AssertNoNewFinding(before, after, File.Exists("/usr/bin/go") ? ["go.multiple-installs"] : []);
    }

    [Fact]
    public void A_broken_path_that_cannot_be_rewritten_names_the_go_that_is_installed()
    {
        var facts = FactsBuilder.Mac()
            .Installation("/usr/lib/go-1.19", "arm64")
            .Export("PATH", "/usr/lib/go-1.19/bin", line: 4)
            .Build();
        // The traced line is a compound command: it cannot be rewritten as it stands.
        facts = facts with { Shell = facts.Shell with { Assignments = new Dictionary<string, Evidence> { ["PATH"] = new(FactsBuilder.Zshrc, 4, "PATH=/usr/lib/go-1.19/bin; export PATH") } } };

        var fix = facts.Fails("path.broken").Fix!;

        Assert.Contains("export PATH=/usr/lib/go-1.19/bin:\"$PATH\"", fix);
        Assert.DoesNotContain("/usr/local/go", fix);
    }

    [Fact]
    public async Task A_compiler_hidden_by_a_broken_path_gets_path_advice_not_an_install()
    {
        // Given cgo on, CC=clang installed in /usr/bin, and a PATH that lost /usr/bin
        using var s = Scenario.Mac();
        var root = s.Sys("/usr/lib/go-1.19");
        s.FakeGo(root, new FakeGo { CgoEnabled = true, Cc = "clang" });
        s.Zshrc($"export PATH={Scenario.Sh(Path.Combine(root, "bin"))}");
        Assert.True(File.Exists("/usr/bin/clang"), "this test needs clang in /usr/bin");

        var report = await s.VerifyAsync("cgo.compiler");

        var finding = report.Fires("cgo.compiler");
        Assert.Contains("/usr/bin/clang", finding.Title);
        Assert.DoesNotContain("install", finding.Fix!.Replace("nothing needs installing", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_dot_on_path_gets_its_own_line_back_without_the_dot()
    {
        var facts = FactsBuilder.Linux().WithGo().Build();
        var path = facts.Shell.Get("PATH")!;
        facts = facts with { Shell = facts.Shell with
        {
            Environment = new Dictionary<string, string>(facts.Shell.Environment!) { ["PATH"] = path + ":." },
            Assignments = new Dictionary<string, Evidence> { ["PATH"] = new(FactsBuilder.Zshrc, 3, "export PATH=$PATH:.") },
        } };

        var fix = facts.Fails("path.unsafe").Fix!;

        Assert.EndsWith("write it without the relative entries: export PATH=$PATH", fix);
    }

    [Fact]
    public void A_goroot_mismatch_fix_ends_with_the_running_gos_root_through_homebrews_stable_path()
    {
        var facts = FactsBuilder.Mac()
            .WithGo("/opt/homebrew/Cellar/go/1.22.5/libexec")
            .Export("GOROOT", "/usr/local/go", line: 7)
            .Missing("/usr/local/go")
            .Build();

        var fix = facts.Fails("goroot.mismatch").Fix!;

        Assert.Contains("Remove the GOROOT assignment in ~/.zshrc line 7 ", fix);
        Assert.EndsWith("replace it with: export GOROOT=/opt/homebrew/opt/go/libexec", fix);
    }

    [Fact]
    public void A_goroot_pinned_in_the_cellar_gets_its_own_line_back_through_opt_go()
    {
        const string cellar = "/opt/homebrew/Cellar/go/1.22.5/libexec";
        var facts = FactsBuilder.Mac().WithGo(cellar).Export("GOROOT", cellar, line: 4).Build();

        var fix = facts.Fails("goroot.versioned").Fix!;

        Assert.EndsWith("In ~/.zshrc line 4 write: export GOROOT=/opt/homebrew/opt/go/libexec", fix);
    }

    [Fact]
    public void A_go_not_found_fix_goes_in_the_file_that_sets_path()
    {
        // This Debian machine has a go in /usr/bin, so no real shell here can lack one: hand-built facts.
        var facts = FactsBuilder.Mac().NoGo()
            .Installation("/opt/homebrew/Cellar/go/1.22.5/libexec", "arm64")
            .Dir("/opt/homebrew/Cellar/go/1.22.5/libexec/bin")
            .Export("PATH", "/usr/bin:/bin:/usr/sbin:/sbin:/Users/u/go/bin", line: 3, file: FactsBuilder.Home + "/.zprofile")
            .Build();

        var fix = facts.Fails("go.not-found").Fix!;

        // Through opt/go: the Cellar path would be gone at the next brew upgrade (goroot.versioned).
        Assert.Equal("Add the installed Go to PATH in ~/.zprofile: export PATH=/opt/homebrew/opt/go/libexec/bin:\"$PATH\"", fix);
    }

    [Fact]
    public void A_missing_goland_sdk_fix_names_the_go_installed_here_not_usr_local_go()
    {
        var facts = FactsBuilder.Mac().NoGo()
            .Installation("/usr/lib/go-1.19", "arm64")
            .GoLand().Project("api", goroot: "/usr/local/go").Missing("/usr/local/go")
            .Build();

        var fix = facts.Fails("goland.goroot-missing").Fix!;

        Assert.Contains("choose /usr/lib/go-1.19", fix);
    }
}
