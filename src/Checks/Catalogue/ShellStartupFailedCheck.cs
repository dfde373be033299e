using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>shell.startup-failed</c>: the login shell is missing, exits non-zero, times out, hits a syntax
/// error or aborts a startup file early, so later lines never ran. Errors the shell went on after
/// are <c>shell.startup-warnings</c>.
/// </summary>
internal sealed class ShellStartupFailedCheck() : Check("shell.startup-failed", Severity.Error, CheckArea.Shell)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        var shell = facts.Shell;
        var name = shell.ShellPath ?? "(none)";
        var rc = ShellSyntax.RcFile(shell.Kind);
        if (!shell.Exists || shell.StartError is not null)
        {
            return Fail($"Login shell {name} cannot be started",
                (shell.StartError ?? $"The login shell {name} is missing.") + " Terminals and GoLand start this shell to learn PATH and the Go variables, so nothing they run sees your setup.",
                [Evidence.Note(shell.StartError ?? name)],
                $"Point your account at an installed shell: chsh -s /bin/zsh (or set \"shell\" in the GoWatch config).");
        }
        if (shell.TimedOut)
        {
            return Fail($"Login shell {name} did not finish starting within {shell.Timeout.TotalSeconds:0.#} s",
                "The shell was killed because its startup files did not finish. GoLand gives up the same way and falls back to a bare environment.",
                shell.Errors.Prepend(Evidence.Note($"killed after {shell.Timeout.TotalSeconds:0.#} s")),
                $"Find the slow or waiting command in {rc} (time it with: {ShellSyntax.TraceCommand(shell.Kind, name)}).");
        }
        var fatal = shell.Errors.Where(ShellErrors.IsFatal).ToList();
        if (fatal.Count > 0 || shell.ExitCode is not 0 || shell.Environment is null)
        {
            var what = fatal.Count > 0
                ? $"stopped reading a startup file early ({fatal.Count} error{(fatal.Count == 1 ? "" : "s")})"
                : shell.ExitCode is not 0 ? $"exited with exit code {shell.ExitCode}" : "printed no environment";
            var first = fatal.FirstOrDefault();
            return Fail($"Login shell {name} {what}",
                "Commands after the failing line were skipped, so PATH and the Go variables may be only partly set. " +
                (shell.ExitCode is { } code and not 0 ? $"The shell exited with code {code}." : ""),
                fatal.Count > 0 ? fatal : [Evidence.Note($"exit code {shell.ExitCode?.ToString() ?? "none"}")],
                first is { File: { } f } ? $"Fix {ShellSyntax.Where(first, facts.Host.Home)} and check it with: {name} -n {ShellSyntax.Quote(f)}" : $"Check {rc} for errors: {ShellSyntax.TraceCommand(shell.Kind, name)}");
        }
        return CheckOutcome.Pass;
    }
}
