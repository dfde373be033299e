using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>shell.startup-failed</c>: the login shell is missing, exits non-zero, times out, or complains while reading its startup files.</summary>
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
                $"Find the slow or waiting command in {rc} (time it with: {name} -l -i -x -c exit).");
        }
        if (shell.Errors.Count > 0 || shell.ExitCode is not 0 || shell.Environment is null)
        {
            var what = shell.Errors.Count > 0
                ? $"{shell.Errors.Count} error(s) while reading startup files"
                : shell.ExitCode is not 0 ? $"exit code {shell.ExitCode}" : "no environment printed";
            var first = shell.Errors.FirstOrDefault();
            return Fail($"Login shell {name} reported {what}",
                "Commands after the failing line were skipped, so PATH and the Go variables may be only partly set. " +
                (shell.ExitCode is { } code and not 0 ? $"The shell exited with code {code}. " : ""),
                shell.Errors.Count > 0 ? shell.Errors : [Evidence.Note($"exit code {shell.ExitCode?.ToString() ?? "none"}")],
                first is { File: { } f } ? $"Fix {ShellSyntax.Where(first)} and check it with: {name} -n {ShellSyntax.Quote(f)}" : $"Check {rc} for errors: {name} -l -i -x -c exit");
        }
        return CheckOutcome.Pass;
    }
}
