using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests.Doctor;

/// <summary>What <c>gowatch doctor</c> shows a person: one line when healthy, findings by severity, wrapped under their item.</summary>
public sealed class DoctorOutputTests
{
    private const string ExpectedAt80 = """
        macos/arm64, shell /bin/zsh, go1.22.5 at /usr/local/go/bin/go (arm64)

        Errors (1)
        ✗ The login shell's PATH is broken (path.broken)
            PATH lacks /usr/bin; PATH is "/usr/local/go/bin". Basic commands (ls, git,
            clang) are no longer found; this usually comes from an assignment without
            :$PATH such as export PATH=$GOROOT/bin.
            • ~/.zshrc:12: export PATH=/usr/local/go/bin
            • PATH=/usr/local/go/bin
            fix: In ~/.zshrc line 12, keep the existing PATH: export
                 PATH=/usr/local/go/bin:"$PATH" — then open a new terminal so that
                 every program started from it sees the change

        Warnings (1)
        ! /Users/u/go/bin is not on PATH (gopath.bin-missing)
            go install puts tools (gopls, dlv, golangci-lint) in /Users/u/go/bin;
            without it on PATH the shell and GoLand's terminal cannot find them.
            fix: Add it in ~/.zshrc: export PATH="$PATH":/Users/u/go/bin

        Info (1)
        i GO111MODULE=auto (modules.auto)
            A left-over of the GOPATH era.
            • ~/[red].zprofile:3: export GO111MODULE=auto
            fix: Remove the GO111MODULE assignment.

        1 error, 1 warning, 1 info; 19 checks passed, 1 skipped
          gowatch doctor --all for the list

        """;

    [Fact]
    public void A_healthy_run_is_one_summary_line()
    {
        var text = DoctorReports.Render(DoctorReports.Healthy());
        Assert.Equal("No problems: 22 checks passed, 3 skipped — gowatch doctor --all for the list\n", text);
    }

    [Fact]
    public void A_healthy_run_with_nothing_skipped_does_not_mention_skips() =>
        Assert.Equal("No problems: 22 checks passed — gowatch doctor --all for the list\n", DoctorReports.Render(DoctorReports.Healthy(skipped: 0)));

    [Fact]
    public void All_lists_passed_ids_without_a_tick_and_skipped_checks_with_their_reason()
    {
        var text = DoctorReports.Render(DoctorReports.Healthy(), all: true);
        Assert.Contains("Passed, no problem found (22)", text);
        Assert.Contains("path.broken, check.1", text);
        Assert.Contains("Not checked (3)", text);
        Assert.Contains("  - goland.goroot-missing: GoLand is not installed\n", text);
        Assert.DoesNotContain("✓", text);
        Assert.EndsWith("No problems: 22 checks passed, 3 skipped\n", text);
        Assert.StartsWith("Passed, no problem found (22)\n", text);
    }

    [Fact]
    public void Findings_are_grouped_by_severity_errors_first_each_with_its_mark()
    {
        var lines = DoctorReports.Render(DoctorReports.WithFindings()).Split('\n');
        var errors = Array.IndexOf(lines, "Errors (1)");
        var warnings = Array.IndexOf(lines, "Warnings (1)");
        var info = Array.IndexOf(lines, "Info (1)");
        Assert.True(errors > 0 && errors < warnings && warnings < info, string.Join("\n", lines));
        Assert.Equal("✗ The login shell's PATH is broken (path.broken)", lines[errors + 1]);
        Assert.Equal("! /Users/u/go/bin is not on PATH (gopath.bin-missing)", lines[warnings + 1]);
        Assert.Equal("i GO111MODULE=auto (modules.auto)", lines[info + 1]);
        Assert.DoesNotContain(lines, l => l.Contains('✓'));
    }

    [Fact]
    public void Evidence_in_home_is_shown_with_a_tilde_and_its_line()
    {
        var text = DoctorReports.Render(DoctorReports.WithFindings());
        Assert.Contains("\n    • ~/.zshrc:12: export PATH=/usr/local/go/bin\n", text);
        Assert.Contains("\n    • PATH=/usr/local/go/bin\n", text);
    }

    [Fact]
    public void Text_that_looks_like_markup_is_printed_literally() =>
        Assert.Contains("~/[red].zprofile:3: export GO111MODULE=auto", DoctorReports.Render(DoctorReports.WithFindings()));

    [Fact]
    public void At_80_columns_long_lines_wrap_and_stay_indented_under_their_item()
    {
        var lines = DoctorReports.Render(DoctorReports.WithFindings(), width: 80).TrimEnd('\n').Split('\n');

        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
        // Only headings, marks and the summary start at column 0; everything else is indented.
        var flush = lines.Where(l => l.Length > 0 && l[0] != ' ').ToList();
        Assert.All(flush, l => Assert.Matches(@"^(macos/arm64|Errors|Warnings|Info|✗ |! |i |1 error)", l));
        // The detail of path.broken needs several lines, all at the detail's indent.
        var detail = lines.SkipWhile(l => !l.StartsWith("    PATH lacks", StringComparison.Ordinal)).TakeWhile(l => !l.Contains("~/.zshrc:12")).ToList();
        Assert.True(detail.Count >= 3, string.Join("\n", lines));
        Assert.All(detail, l => Assert.StartsWith("    ", l));
        // The fix wraps under its text, past the "fix:" label.
        var fix = lines.SkipWhile(l => !l.StartsWith("    fix: In ~/.zshrc", StringComparison.Ordinal)).Skip(1).First();
        Assert.StartsWith("         ", fix);
        Assert.NotEqual(' ', fix[9]);
        // The summary wraps too, indented under itself.
        Assert.Equal("  gowatch doctor --all for the list", lines[^1]);
    }

    [Fact]
    public void Rendered_report_at_80_columns_reads_as_expected()
    {
        // The whole layout, so a change to it is a visible, reviewed change.
        var text = DoctorReports.Render(DoctorReports.WithFindings(), width: 80);
        Assert.Equal(ExpectedAt80, text);
    }

    [Fact]
    public void A_run_with_findings_ends_with_the_counts_and_the_hint()
    {
        var last = DoctorReports.Render(DoctorReports.WithFindings(), width: 200).TrimEnd('\n').Split('\n')[^1];
        Assert.Equal("1 error, 1 warning, 1 info; 19 checks passed, 1 skipped — gowatch doctor --all for the list", last);
    }

    [Fact]
    public void A_run_where_everything_was_skipped_says_nothing_could_be_checked() =>
        Assert.Equal("Nothing could be checked: 2 skipped — gowatch doctor --all for the reasons\n", DoctorReports.Render(DoctorReports.Healthy(passed: 0, skipped: 2)));

    [Fact]
    public void A_finding_about_where_values_come_from_says_why_with_the_explain_command_before_the_fix()
    {
        var report = DoctorReports.Healthy(passed: 1, skipped: 0) with
        {
            Findings =
            [
                new GoWatch.Checks.Finding("env.gui-differs", GoWatch.Checks.Severity.Warning, "Apps started from the desktop see another Go environment than the terminal (GOROOT, PATH)",
                    "GoLand started from the Dock inherits the launchd session, not the login shell.",
                    [GoWatch.Checks.Evidence.Note("launchctl getenv: GOROOT=/opt/go")], "launchctl unsetenv GOROOT") { Explain = ["GOROOT", "go"] },
            ],
        };

        var text = DoctorReports.Render(report);

        Assert.Contains("""
                • launchctl getenv: GOROOT=/opt/go
                why: gowatch explain GOROOT go
                fix: launchctl unsetenv GOROOT

            """, text);
    }
}
