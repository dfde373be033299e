using GoWatch.Cli.Tests.Support;
using GoWatch.Platform;

namespace GoWatch.Cli.Tests.Doctor;

/// <summary>
/// <c>gowatch doctor</c> on a Mac names the app that must be allowed to notify: the one behind
/// the tool gowatchd finds on launchd's PATH (laid out under GOWATCH_SYSTEM_ROOT here).
/// </summary>
public sealed class DoctorNotificationHintTests : IDisposable
{
    private readonly CliScenario _mac = new(PlatformKind.MacOS, shell: "/usr/bin/zsh");
    private readonly CliScenario _linux = new(PlatformKind.Linux, shell: "/usr/bin/zsh");

    public DoctorNotificationHintTests()
    {
        File.WriteAllText(_mac.Zshrc, "export EDITOR=vi\n");
        File.WriteAllText(_linux.Zshrc, "export EDITOR=vi\n");
    }

    public void Dispose()
    {
        _mac.Dispose();
        _linux.Dispose();
    }

    /// <summary>An executable named like the tool, where launchd's PATH would find it on the Mac.</summary>
    private string GivenTool(string absolutePath)
    {
        var path = _mac.Settings.SystemPath(absolutePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Executables.Write(path, "#!/bin/sh\nexit 0\n");
        return path;
    }

    [Fact]
    public void On_a_mac_with_osascript_doctor_says_script_editor_needs_notification_permission()
    {
        var osascript = GivenTool("/usr/bin/osascript");
        GivenTool("/opt/homebrew/bin/terminal-notifier");

        var result = _mac.Run("doctor", "--check", "path.broken");

        Assert.Equal(0, result.ExitCode);
        var text = Flat(result.Stdout);
        Assert.Contains($"gowatchd shows them with osascript ({osascript})", text);
        Assert.Contains("System Settings › Notifications › Script Editor", text);
        Assert.DoesNotContain("terminal-notifier", text);
    }

    [Fact]
    public void On_a_mac_with_only_terminal_notifier_doctor_names_terminal_notifier()
    {
        var notifier = GivenTool("/opt/homebrew/bin/terminal-notifier");

        var result = _mac.Run("doctor", "--check", "path.broken");

        var text = Flat(result.Stdout);
        Assert.Contains($"gowatchd shows them with terminal-notifier ({notifier})", text);
        Assert.Contains("allow \"terminal-notifier\" in System Settings › Notifications", text);
        Assert.DoesNotContain("Script Editor", text);
    }

    [Fact]
    public void On_a_mac_with_neither_tool_doctor_says_notifications_go_to_the_log()
    {
        var result = _mac.Run("doctor", "--check", "path.broken");

        Assert.Contains("neither osascript nor terminal-notifier is on gowatchd's PATH, so notifications go to its log only", Flat(result.Stdout));
    }

    [Fact]
    public void Doctor_json_stays_json_and_linux_gets_no_mac_hint()
    {
        GivenTool("/usr/bin/osascript");

        var json = _mac.Run("doctor", "--json", "--check", "path.broken");
        var linux = _linux.Run("doctor", "--check", "path.broken");

        Assert.DoesNotContain("Script Editor", json.Stdout);
        System.Text.Json.JsonDocument.Parse(json.Stdout).Dispose();
        Assert.DoesNotContain("Notifications:", linux.Stdout);
    }

    // The console wraps long lines at its width: compare the words, not the line breaks.
    private static string Flat(string output) => string.Join(' ', output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
