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
        if (facts.Go.Path is { } path)
        {
            return facts.Go.VersionError is null && facts.Go.EnvError is null ? CheckOutcome.Pass : DoesNotWork(path, facts.Go);
        }
        var kind = facts.Shell.Kind;
        var installed = facts.Installations.Installations.FirstOrDefault(i => i.Header.RunsNativelyOn(facts.Host.Arch))
            ?? facts.Installations.Installations.FirstOrDefault();
        var fix = installed is not null && facts.Paths.IsDirectory(Path.Combine(installed.Root, "bin")) == true
            ? $"Add the installed Go to PATH in {ShellSyntax.UserFile(kind, facts.Host.Home, pathLine: true, facts.Shell.AssignmentOf("PATH"))}: {ShellSyntax.PrependPath(kind, Path.Combine(GorootVersionedCheck.StableIfVersioned(installed.Root), "bin"))}"
            : facts.Host.Platform == GoWatch.Platform.PlatformKind.MacOS
                ? $"Install Go from https://go.dev/dl/ (go1.x.darwin-{facts.Host.Arch}.pkg), then open a new terminal."
                : $"Install Go from https://go.dev/dl/ (linux-{facts.Host.Arch}) into /usr/local/go and add /usr/local/go/bin to PATH.";
        return Fail("No go on the login shell's PATH",
            "Terminals and GoLand started from this shell cannot run go." +
            (installed is not null ? $" An installation exists at {installed.Root} but no PATH entry leads to it." : ""),
            [facts.Shell.AssignmentOf("PATH"), Evidence.Note($"PATH={facts.Shell.Get("PATH")}")],
            fix);
    }

    // A go that hangs, crashes or prints garbage is as good as none, and every check that needs
    // its answers is blind: say so rather than pass quietly.
    private CheckOutcome DoesNotWork(string path, GoFacts go) =>
        Fail($"The go on the login shell's PATH ({path}) does not work",
            "Running it did not give a usable answer, so terminals and GoLand cannot build with it and the Go checks cannot see its settings.",
            new[] { go.VersionError, go.EnvError }.OfType<string>().Select(error => Evidence.Note(error)).ToList(),
            $"Reinstall Go from https://go.dev/dl/, or take {Path.GetDirectoryName(path)} off PATH; check with: {path} version");
}
