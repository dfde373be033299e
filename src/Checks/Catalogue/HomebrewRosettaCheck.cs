using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>homebrew.rosetta</c>: on Apple Silicon, an Intel Homebrew (<c>/usr/local/Homebrew</c>) is present.</summary>
internal sealed class HomebrewRosettaCheck() : Check("homebrew.rosetta", Severity.Warning, CheckArea.Installations)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (!facts.Host.IsAppleSilicon)
        {
            return CheckOutcome.Skip("not an Apple Silicon Mac");
        }
        if (!facts.Installations.IntelHomebrewPresent)
        {
            return CheckOutcome.Pass;
        }
        return Fail("An Intel Homebrew is installed on this Apple Silicon Mac",
            "Formulae from /usr/local are x86_64 and run under Rosetta; an Intel `brew install go` puts an amd64 go on PATH and mixes architectures in cgo builds.",
            [new Evidence(facts.Installations.IntelHomebrewPath, null, "Intel Homebrew repository")],
            "Migrate to the native Homebrew in /opt/homebrew (brew bundle dump with the Intel brew, reinstall with /opt/homebrew/bin/brew), then remove the Intel one with Homebrew's uninstall script run under arch -x86_64.");
    }
}
