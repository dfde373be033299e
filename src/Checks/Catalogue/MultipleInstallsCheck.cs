using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>go.multiple-installs</c>: more than one Go installation is present; says which one wins.</summary>
internal sealed class MultipleInstallsCheck() : Check("go.multiple-installs", Severity.Warning, CheckArea.Installations)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        var installs = facts.Installations.Installations;
        if (installs.Count <= 1)
        {
            // Without the shell's PATH only the well-known places were searched.
            return facts.Shell.Environment is null ? NoShell(facts) : CheckOutcome.Pass;
        }
        var winner = installs.FirstOrDefault(i => i.IsActive);
        var evidence = installs.Select(i => new Evidence(i.Root, null,
            $"{i.Version ?? "unknown version"}, {(i.Header.IsKnown ? string.Join("/", i.Header.Architectures) : "unknown arch")}" +
            $"{(i.IsActive ? ", runs (first on PATH)" : i.OnPath ? ", on PATH but shadowed" : ", not on PATH")}; seen at {string.Join(", ", i.SeenAt)}"));
        return Fail($"{installs.Count} Go installations are present",
            winner is not null
                ? $"The shell runs {winner.Root} ({winner.Version ?? "unknown version"}). The others can be picked up by GoLand, scripts or a changed PATH and cause confusing version mismatches."
                : "None of them is the go the login shell runs. Which one a tool picks depends on its PATH.",
            evidence,
            "Keep one installation (the official pkg in /usr/local/go on macOS) and remove the others, e.g. brew uninstall go, or delete old ~/sdk/go1.* directories.");
    }
}
