using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>modules.off</c> / <c>modules.auto</c>: GO111MODULE has a given value in the shell, the Go
/// env file or a GoLand project's environment. A value found anywhere fails the check even
/// when the shell could not run; passing needs the shell's answer.
/// </summary>
internal sealed class ModulesModeCheck(string id, Severity severity, string value, string title, string detail, string fix)
    : Check(id, severity, CheckArea.Environment)
{
    public static ModulesModeCheck Off() => new("modules.off", Severity.Error, "off",
        "Go modules are turned off (GO111MODULE=off)",
        "go falls back to GOPATH mode: go.mod is ignored, go get fails with \"cannot use path@version syntax\" and imports are searched in $GOPATH/src.",
        "Remove the GO111MODULE assignment (modules are on by default since Go 1.16), or set GO111MODULE=on; for the env file: go env -u GO111MODULE; in GoLand: Settings → Go → Go Modules.");

    public static ModulesModeCheck Auto() => new("modules.auto", Severity.Info, "auto",
        "GO111MODULE=auto",
        "Go ≥ 1.16 treats auto like on inside a module, but outside one it silently uses GOPATH mode; the setting is a left-over of the GOPATH era.",
        "Remove the GO111MODULE assignment; modules are on by default (go env -u GO111MODULE for the env file).");

    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        var hits = GoValues.All(facts, "GO111MODULE", includeGoLand: true)
            .Where(s => string.Equals(s.Value.Trim(), value, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (hits.Count > 0)
        {
            return Fail(title, detail + " Set by: " + string.Join(", ", hits.Select(h => h.Name)) + ".", hits.Select(h => h.Evidence), fix);
        }
        return facts.Shell.Environment is null ? NoShell(facts) : CheckOutcome.Pass;
    }
}
