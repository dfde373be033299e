using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>path.order</c>: the user set GOROOT, but the first <c>go</c> on PATH is not <c>$GOROOT/bin/go</c>;
/// a version manager's shim that resolves to that GOROOT is not a shadow.
/// </summary>
internal sealed class PathOrderCheck() : Check("path.order", Severity.Warning, CheckArea.Shell)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (facts.Shell.Environment is null)
        {
            return NoShell(facts);
        }
        var goroot = GoValues.Shell(facts, "GOROOT") ?? GoValues.EnvFile(facts, "GOROOT");
        if (goroot is null || goroot.Value.Length == 0)
        {
            return CheckOutcome.Pass;
        }
        var expected = Path.Combine(goroot.Value, "bin", "go");
        if (facts.Paths.Get(expected) is not { } expectedFact)
        {
            return CheckOutcome.Skip($"whether {expected} exists is unknown");
        }
        if (!expectedFact.IsFile)
        {
            return CheckOutcome.Skip($"{expected} does not exist (see goroot.mismatch)");
        }
        if (facts.Go?.Path is not { } first)
        {
            return CheckOutcome.Skip("no go on PATH (see go.not-found)");
        }
        if (facts.Paths.SamePlace(first, expected))
        {
            return CheckOutcome.Pass;
        }
        // goenv, asdf, mise and gvm put a shim first that runs the Go they select: not a shadow
        // when what it runs reports that GOROOT.
        if (Probes.VersionManagers.IsShim(first) && facts.Go?.EnvValue("GOROOT") is { Length: > 0 } shimRoot && facts.Paths.SamePlace(shimRoot, goroot.Value))
        {
            return CheckOutcome.Pass;
        }
        var kind = facts.Shell.Kind;
        return Fail($"Another go shadows $GOROOT/bin/go on PATH",
            $"GOROOT is {goroot.Value}, but the first go on PATH is {first}. Commands run that other Go while tools that read GOROOT use {goroot.Value}.",
            [goroot.Evidence, facts.Shell.AssignmentOf("PATH"), Evidence.Note($"first go on PATH: {first}")],
            ShellSyntax.PathLineWhere(kind, goroot.Evidence, facts.Host.Home) is var where && where != ShellSyntax.Where(goroot.Evidence, facts.Host.Home)
                ? $"Put $GOROOT/bin first in {where}: {ShellSyntax.PrependPath(kind, Path.Combine(goroot.Value, "bin"))}"
                : $"Put $GOROOT/bin first, after the GOROOT line in {where}: {ShellSyntax.PrependPath(kind, Path.Combine(goroot.Value, "bin"))}");
    }
}
