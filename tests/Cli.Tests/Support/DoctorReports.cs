using GoWatch.Checks;
using GoWatch.Cli.Rendering;
using Spectre.Console;

namespace GoWatch.Cli.Tests.Support;

/// <summary>Hand-made doctor reports and a plain-text console of a given width to render them on.</summary>
public static class DoctorReports
{
    public const string Home = "/Users/u";

    public static VerificationReport Healthy(int passed = 22, int skipped = 3) => new()
    {
        CheckedAt = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero),
        Host = new HostInfo("macos", "arm64", "/bin/zsh"),
        Go = new GoInfo("/usr/local/go/bin/go", "go1.22.5", "/usr/local/go", "arm64"),
        Findings = [],
        Passed = Enumerable.Range(0, passed).Select(i => i == 0 ? "path.broken" : $"check.{i}").ToList(),
        Skipped = Enumerable.Range(0, skipped).Select(i => new SkippedCheck(i == 0 ? "goland.goroot-missing" : $"skipped.{i}", i == 0 ? "GoLand is not installed" : "not an Apple Silicon Mac")).ToList(),
        ShellStartupMs = 42,
        DurationMs = 120,
    };

    public static VerificationReport WithFindings() => Healthy(passed: 19, skipped: 1) with
    {
        Findings =
        [
            new Finding("path.broken", Severity.Error, "The login shell's PATH is broken",
                "PATH lacks /usr/bin; PATH is \"/usr/local/go/bin\". Basic commands (ls, git, clang) are no longer found; this usually comes from an assignment without :$PATH such as export PATH=$GOROOT/bin.",
                [new Evidence(Home + "/.zshrc", 12, "export PATH=/usr/local/go/bin"), Evidence.Note("PATH=/usr/local/go/bin")],
                "In ~/.zshrc line 12, keep the existing PATH: export PATH=/usr/local/go/bin:\"$PATH\" — then open a new terminal so that every program started from it sees the change"),
            new Finding("modules.auto", Severity.Info, "GO111MODULE=auto", "A left-over of the GOPATH era.",
                [new Evidence(Home + "/[red].zprofile", 3, "export GO111MODULE=auto")], "Remove the GO111MODULE assignment."),
            new Finding("gopath.bin-missing", Severity.Warning, "/Users/u/go/bin is not on PATH",
                "go install puts tools (gopls, dlv, golangci-lint) in /Users/u/go/bin; without it on PATH the shell and GoLand's terminal cannot find them.",
                [], "Add it in ~/.zshrc: export PATH=\"$PATH\":/Users/u/go/bin"),
        ],
    };

    /// <summary>Renders like <c>gowatch doctor</c> on a terminal <paramref name="width"/> columns wide, without colour.</summary>
    public static string Render(VerificationReport report, bool all = false, int width = 80)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = width;
        DoctorRenderer.Render(console, report, Home, all);
        return output.ToString().ReplaceLineEndings("\n");
    }
}
