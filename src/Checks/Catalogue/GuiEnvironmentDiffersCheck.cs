using GoWatch.Checks.Facts;
using GoWatch.Platform;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// <c>env.gui-differs</c>: an app started from the Dock or the desktop (GoLand) inherits the
/// desktop session's environment, not the login shell's. When that session sets GOROOT, GOPATH,
/// GOFLAGS or GO111MODULE to another value than the shell, or has a PATH without the directory
/// of the terminal's <c>go</c>, GoLand builds with another Go than the terminal.
/// </summary>
internal sealed class GuiEnvironmentDiffersCheck() : Check("env.gui-differs", Severity.Warning, CheckArea.Environment)
{
    private static readonly string[] GoVariables = ["GOROOT", "GOPATH", "GOFLAGS", "GO111MODULE"];

    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        var desktop = facts.Desktop;
        if (!desktop.WasRead)
        {
            return CheckOutcome.Skip($"the desktop session could not be read: {desktop.SkipReason}");
        }
        if (facts.Shell.Environment is null)
        {
            return NoShell(facts);
        }

        var differences = new List<(string Name, string Desktop, string? Shell)>();
        foreach (var name in GoVariables)
        {
            if (desktop.Get(name) is { } value && value != (facts.Shell.Get(name) ?? ""))
            {
                differences.Add((name, value, facts.Shell.Get(name)));
            }
        }
        // PATH always differs in detail; what matters is whether the terminal's go is found on it.
        if (desktop.Get("PATH") is { } desktopPath && facts.Go?.Path is { } go
            && Path.GetDirectoryName(go) is { } goDir && !desktopPath.Split(':').Contains(goDir, StringComparer.Ordinal))
        {
            differences.Add(("PATH", desktopPath, facts.Shell.Get("PATH")));
        }
        if (differences.Count == 0)
        {
            return CheckOutcome.Pass;
        }

        var mac = facts.Host.Platform == PlatformKind.MacOS;
        var session = mac ? "the launchd session (launchctl setenv)" : "the systemd user session";
        var detail = string.Join("; ", differences.Select(d => d.Name == "PATH"
            ? $"its PATH lacks {Path.GetDirectoryName(facts.Go!.Path)}, where the terminal's go is"
            : d.Shell is null ? $"it sets {d.Name}={d.Desktop}, which the login shell does not set" : $"it sets {d.Name}={d.Desktop}, the login shell {d.Name}={d.Shell}"));
        var evidence = new List<Evidence?>();
        foreach (var d in differences)
        {
            evidence.Add(Evidence.Note($"{desktop.Source}: {d.Name}={d.Desktop}"));
            evidence.Add(facts.Shell.AssignmentOf(d.Name));
        }
        var fixes = differences.Select(d => Fix(mac, d.Name, d.Name == "PATH" ? null : d.Shell)).ToList();
        var persisted = mac
            ? "remove the setting where it is made at login (a LaunchAgent that runs launchctl setenv, ~/.MacOSX/environment.plist)"
            : "remove it from ~/.config/environment.d/*.conf or the unit that sets it";
        return Fail($"Apps started from the desktop see another Go environment than the terminal ({string.Join(", ", differences.Select(d => d.Name))})",
            $"GoLand started from the {(mac ? "Dock" : "desktop")} inherits {session}, not the login shell: {detail}.",
            evidence,
            $"{string.Join("; ", fixes)}; then {persisted}, and restart GoLand.",
            differences.Select(d => d.Name == "PATH" ? "go" : d.Name));
    }

    private static string Fix(bool mac, string name, string? shellValue)
    {
        if (name == "PATH")
        {
            return mac ? "launchctl unsetenv PATH" : "systemctl --user import-environment PATH (from a terminal)";
        }
        if (shellValue is null)
        {
            return mac ? $"launchctl unsetenv {name}" : $"systemctl --user unset-environment {name}";
        }
        return mac ? $"launchctl setenv {name} {ShellSyntax.Quote(shellValue)}" : $"systemctl --user set-environment {name}={ShellSyntax.Quote(shellValue)}";
    }
}
