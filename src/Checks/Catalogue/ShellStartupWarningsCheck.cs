using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>shell.startup-warnings</c>: a startup file printed errors but the shell went on (<c>command not
/// found</c>, a <c>source</c> of a missing file, a failing plugin); one evidence line per error, at
/// the line that printed it.
/// </summary>
internal sealed class ShellStartupWarningsCheck() : Check("shell.startup-warnings", Severity.Warning, CheckArea.Shell)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        var shell = facts.Shell;
        if (!shell.Exists || shell.StartError is not null)
        {
            return CheckOutcome.Skip("the login shell could not be run (see shell.startup-failed)");
        }
        var warnings = shell.Errors.Where(e => !ShellErrors.IsFatal(e)).ToList();
        if (warnings.Count == 0)
        {
            // A shell killed at its timeout never got to the rest of its files.
            return shell.TimedOut ? CheckOutcome.Skip("the login shell did not finish starting (see shell.startup-failed)") : CheckOutcome.Pass;
        }
        var name = shell.ShellPath ?? "the login shell";
        var first = warnings[0];
        return Fail($"{warnings.Count} error{(warnings.Count == 1 ? "" : "s")} while the login shell read its startup files",
            "The shell went on after " + (warnings.Count == 1 ? "it" : "them") + ", but whatever those lines were meant to set up (a PATH entry, a version manager, a plugin) is missing in every terminal and in GoLand.",
            warnings,
            first is { File: { } f }
                ? $"Fix or remove {ShellSyntax.Where(first, facts.Host.Home)}{(warnings.Count > 1 ? " and the other lines listed" : "")}; check with: {ShellSyntax.TraceCommand(shell.Kind, name)}"
                : $"Find the failing lines with: {ShellSyntax.TraceCommand(shell.Kind, name)}");
    }
}
