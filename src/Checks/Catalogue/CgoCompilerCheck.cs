using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>cgo.compiler</c>: cgo is enabled and <c>go env CC</c> is missing or built for another CPU than the host.</summary>
internal sealed class CgoCompilerCheck() : Check("cgo.compiler", Severity.Warning, CheckArea.Environment)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (facts.Go?.Env is not { } env)
        {
            return CheckOutcome.Skip("go env is not available");
        }
        if (!env.TryGetValue("CGO_ENABLED", out var cgo) || cgo.Trim() != "1")
        {
            return CheckOutcome.Pass;
        }
        var cc = env.TryGetValue("CC", out var c) ? c.Trim() : "";
        var host = facts.Host.Arch;
        var fix = facts.Host.Platform == GoWatch.Platform.PlatformKind.MacOS
            ? "Install the Command Line Tools (xcode-select --install), or set CGO_ENABLED=0 if you do not need cgo."
            : "Install a C compiler (apt install gcc), or set CGO_ENABLED=0 if you do not need cgo.";
        if (cc.Length > 0 && facts.Go.CompilerPath is null && facts.Go.CompilerOffPath is { } hidden)
        {
            var dir = Path.GetDirectoryName(hidden)!;
            return Fail($"cgo's compiler \"{cc}\" is installed at {hidden}, but the login shell's PATH does not reach it",
                $"PATH lacks {dir}, so cgo builds fail although nothing is missing.",
                [Evidence.Note($"go env CC = {cc}"), facts.Shell.AssignmentOf("PATH"), Evidence.Note($"PATH={facts.Shell.Get("PATH")}")],
                $"Repair PATH so it keeps {dir} (see path.broken); nothing needs installing.");
        }
        if (cc.Length == 0 || facts.Go.CompilerPath is null)
        {
            return Fail($"cgo is enabled but the C compiler {(cc.Length == 0 ? "is not set" : $"\"{cc}\" is not found")}",
                "Packages that use cgo (net on some setups, sqlite drivers, race detector) fail to build.",
                [Evidence.Note($"go env CC = {cc}"), Evidence.Note("go env CGO_ENABLED = 1"), GoValues.Shell(facts, "CC")?.Evidence],
                fix);
        }
        if (facts.Go.DeveloperDirectoryError is { } noTools)
        {
            // /usr/bin/clang exists on every Mac; without a developer directory it only prints xcrun's error.
            return Fail($"cgo's compiler {facts.Go.CompilerPath} is Apple's shim, and the Command Line Tools behind it are missing",
                $"{noTools}. Builds that use cgo fail until they are installed again (a macOS update often removes them).",
                [Evidence.Note($"go env CC = {cc}"), new Evidence(facts.Go.CompilerPath, null, "an xcrun shim"), facts.Go.DeveloperDirectory is { } dir ? Evidence.Note($"xcode-select -p = {dir}") : null, GoValues.Shell(facts, "CC")?.Evidence],
                "Run xcode-select --install (or sudo xcode-select --reset if Xcode is installed), or set CGO_ENABLED=0 if you do not need cgo.");
        }
        var header = facts.Go.CompilerHeader;
        if (header.IsKnown && !header.RunsNativelyOn(host))
        {
            return Fail($"cgo's compiler {facts.Go.CompilerPath} is built for {string.Join("/", header.Architectures)}, not {host}",
                "cgo objects would be compiled by a compiler for another CPU and fail to link with the native Go toolchain.",
                [new Evidence(facts.Go.CompilerPath, null, $"binary header: {header}"), GoValues.Shell(facts, "CC")?.Evidence],
                fix);
        }
        return CheckOutcome.Pass;
    }
}
