using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>Base of the catalogue's checks: id, severity and a helper to build their finding.</summary>
internal abstract class Check(string id, Severity severity, CheckArea area) : ICheck
{
    public string Id { get; } = id;
    public Severity Severity { get; } = severity;
    public CheckArea Area { get; } = area;

    public abstract CheckOutcome Evaluate(MachineFacts facts);

    protected CheckOutcome Fail(string title, string detail, IEnumerable<Evidence?> evidence, string fix, IEnumerable<string>? explain = null) =>
        CheckOutcome.Fail(new Finding(Id, Severity, title, detail, evidence.OfType<Evidence>().ToList(), fix)
        {
            Explain = explain?.Distinct(StringComparer.Ordinal).ToList() ?? [],
        });

    protected const string GoLandNotInstalled = "GoLand is not installed and no watched project has GoLand settings";

    // No GoLand config directory and no project with an .idea/workspace.xml: nothing GoLand uses to look at.
    protected static bool GoLandAbsent(MachineFacts facts) =>
        facts.GoLand.ConfigDirectory is null && facts.GoLand.Projects.All(p => p.WorkspaceFile is null);

    protected static CheckOutcome NoShell(MachineFacts facts) =>
        CheckOutcome.Skip(facts.Shell.Exists
            ? "the login shell did not report its environment (see shell.startup-failed)"
            : "the login shell could not be run (see shell.startup-failed)");
}
