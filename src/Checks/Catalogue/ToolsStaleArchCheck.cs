using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>tools.stale-arch</c>: an executable in GOBIN or GOPATH's <c>bin</c> (gopls, dlv …) is built for
/// another CPU than the host — typically carried over from an Intel Mac: it runs under Rosetta,
/// and dlv cannot debug native programs. The fix reinstalls it with the native Go.
/// </summary>
internal sealed class ToolsStaleArchCheck() : Check("tools.stale-arch", Severity.Warning, CheckArea.Installations)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (facts.Tools is not { } tools)
        {
            return CheckOutcome.Skip("the tools in GOBIN and GOPATH/bin were not looked at");
        }
        if (tools.Directories.Count == 0)
        {
            return CheckOutcome.Skip("neither GOBIN nor a GOPATH bin directory exists");
        }
        var host = facts.Host.Arch;
        var stale = tools.Binaries.Where(t => t.Header.IsKnown && !t.Header.RunsNativelyOn(host)).ToList();
        if (stale.Count == 0)
        {
            return CheckOutcome.Pass;
        }
        var names = stale.Select(t => Path.GetFileName(t.Path)).ToList();
        var reinstall = stale.Where(t => t.Package is not null).Select(t => $"go install {t.Package}@latest").Distinct().ToList();
        var unknown = stale.Where(t => t.Package is null).Select(t => Path.GetFileName(t.Path)).ToList();
        var fix = (reinstall.Count > 0 ? "Reinstall with the native Go: " + string.Join("; ", reinstall) : "") +
                  (unknown.Count > 0 ? $"{(reinstall.Count > 0 ? ". " : "")}Reinstall or remove {string.Join(", ", unknown)} (built without Go build info, so its package is unknown)" : "") + ".";
        return Fail($"{stale.Count} installed tool{(stale.Count == 1 ? " is" : "s are")} built for another CPU than {host}: {string.Join(", ", names)}",
            "Left over from another machine or an Intel Go: " + (facts.Host.IsAppleSilicon
                ? "they run under Rosetta, slowly, and dlv built for amd64 cannot debug native arm64 programs."
                : "they cannot run natively on this machine."),
            stale.Select(t => new Evidence(t.Path, null, $"{string.Join("/", t.Header.Architectures)} build{(t.Package is { } p ? $" of {p}" : "")}")),
            fix);
    }
}
