using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>install.stale-arch</c>: a Go installation at a well-known location is built for another CPU than the host.</summary>
internal sealed class InstallStaleArchCheck() : Check("install.stale-arch", Severity.Warning, CheckArea.Installations)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        var host = facts.Host.Arch;
        var stale = facts.Installations.Installations
            .Where(i => i.WellKnown && i.Header.IsKnown && !i.Header.RunsNativelyOn(host))
            .ToList();
        if (stale.Count == 0)
        {
            return CheckOutcome.Pass;
        }
        return Fail($"{stale.Count} Go installation(s) built for another CPU than {host}",
            "Left-overs from an Intel Mac or a migration: GoLand or a PATH change can pick them up and silently run Go under Rosetta.",
            stale.Select(i => new Evidence(i.GoBinary ?? i.Root, null, $"{string.Join("/", i.Header.Architectures)} build, {i.Version ?? "unknown version"}{(i.IsActive ? ", the one that runs" : "")}")),
            $"Remove them: {string.Join("; ", stale.Select(i => "sudo rm -rf " + ShellSyntax.Quote(i.Root)))}");
    }
}
