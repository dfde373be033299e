using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>go.not-found</c>: no <c>go</c> on the login shell's PATH.</summary>
internal sealed class GoNotFoundCheck() : Check("go.not-found", Severity.Error, CheckArea.Toolchain)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (facts.Shell.Environment is null || facts.Go is null)
        {
            return NoShell(facts);
        }
        if (facts.Go.Path is not null)
        {
            return CheckOutcome.Pass;
        }
        var kind = facts.Shell.Kind;
        var installed = facts.Installations.Installations.FirstOrDefault(i => i.Header.RunsNativelyOn(facts.Host.Arch))
            ?? facts.Installations.Installations.FirstOrDefault();
        var fix = installed is not null && Directory.Exists(Path.Combine(installed.Root, "bin"))
            ? $"Add the installed Go to PATH in {ShellSyntax.RcFile(kind)}: {ShellSyntax.PrependPath(kind, Path.Combine(installed.Root, "bin"))}"
            : facts.Host.Platform == GoWatch.Platform.PlatformKind.MacOS
                ? $"Install Go from https://go.dev/dl/ (go1.x.darwin-{facts.Host.Arch}.pkg), then open a new terminal."
                : $"Install Go from https://go.dev/dl/ (linux-{facts.Host.Arch}) into /usr/local/go and add /usr/local/go/bin to PATH.";
        return Fail("No go on the login shell's PATH",
            "Terminals and GoLand started from this shell cannot run go." +
            (installed is not null ? $" An installation exists at {installed.Root} but no PATH entry leads to it." : ""),
            [facts.Shell.AssignmentOf("PATH"), Evidence.Note($"PATH={facts.Shell.Get("PATH")}")],
            fix);
    }
}
