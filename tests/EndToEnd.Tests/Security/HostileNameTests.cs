using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events.Model;

namespace GoWatch.EndToEnd.Tests.Security;

/// <summary>
/// Paths and contents full of shell and AppleScript syntax stay data: no command runs, and the
/// notification text reaches osascript as argv items of a fixed script.
/// </summary>
public sealed class HostileNameTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    // Relative, so it fits in a file name: a spliced command would create it in its working directory.
    private static string Hostile(string tag) =>
        $"x \"q\" 'a' $(touch pwned-{tag}1) `touch pwned-{tag}2` ; touch pwned-{tag}3 \" & \"end tell\" & do shell script \"touch pwned-{tag}4\"";

    /// <summary>Marker files anywhere a spliced command could have run: the temp tree (HOME, project dirs) and /.</summary>
    private string[] Markers() =>
        [.. Directory.GetFiles(_h.Root, "pwned-*", SearchOption.AllDirectories), .. Directory.GetFiles("/", "pwned-*")];

    /// <summary>A shim that writes each call's argv (NUL-separated) to its own file: argv items may hold newlines.</summary>
    private string ArgvShim(string tool)
    {
        var bin = Path.Combine(_h.Root, "shims");
        var calls = Path.Combine(_h.Root, tool + ".argv");
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(calls);
        var script = Path.Combine(bin, tool);
        Executables.Write(script, $"#!/bin/sh\nprintf '%s\\0' \"$@\" > '{calls}/'$$\n");
        _h.Environment["PATH"] = bin + ":" + _h.Environment["PATH"];
        return calls;
    }

    [Fact]
    public void A_hostile_HOME_file_name_and_content_run_nothing_and_reach_osascript_as_separate_argv_items_of_the_fixed_script()
    {
        // Given macOS rules, fish as the login shell, osascript recording its argv, and a HOME whose name is hostile
        var home = Path.Combine(_h.Root, "h o'm\"e $(touch pwned-home1) `touch pwned-home2`");
        Directory.CreateDirectory(home);
        _h.Environment["HOME"] = home;
        _h.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        _h.Environment["GOWATCH_PLATFORM"] = "macos";
        _h.Environment["GOWATCH_HOST_ARCH"] = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "amd64";
        _h.Environment["SHELL"] = "/usr/bin/fish";
        var calls = ArgvShim("osascript");
        var confD = Path.Combine(home, ".config", "fish", "conf.d");
        Directory.CreateDirectory(confD);
        // Debian's fish sources vendor_conf.d/00debian-profile.fish after the user's conf.d, and in a login shell it
        // appends /usr/bin and /bin again, so no conf.d file could break PATH. A user file of the same name shadows it.
        File.WriteAllText(Path.Combine(confD, "00debian-profile.fish"), "");
        File.WriteAllText(Path.Combine(home, ".config", "fish", "config.fish"), "set -gx GOPATH ~/go\n");
        using var daemon = _h.StartDaemon();
        Assert.NotNull(_h.WaitForEvent(e => e.Data is VerificationCompleted { Trigger: "startup" }, TimeSpan.FromSeconds(30)));

        // When a conf.d file with a hostile name (newline included) wipes PATH, and its comments hold more of the same
        var name = Hostile("name") + "\nline2.fish";
        var file = Path.Combine(confD, name);
        File.WriteAllText(file, $"# {Hostile("content")}\n# \"; do shell script \"touch pwned-content5\nset -gx PATH {Path.Combine(_h.Root, "shims")}\n");

        // Then the file is recorded under its exact name, the break is notified …
        Assert.NotNull(_h.WaitForEvent(e => e.Data is FileCreated c && c.Path == file, TimeSpan.FromSeconds(10)));
        Assert.True(_h.WaitForEvent(e => e.Data is NotificationSent, TimeSpan.FromSeconds(20)) is not null,
            string.Join("\n", StoreAudit.ThroughDaemon(_h).Select(e => $"{e.Position} {e.Type} {e.Stream} {(e.Data is DriftDetected d ? d.Title : "")}")) + "\n" + daemon.Output);
        var history = _h.Cli("history", "--path", file);
        Assert.True(history.ExitCode == 0, history.ToString());
        var doctor = _h.Cli("doctor");
        Assert.Equal(1, doctor.ExitCode);

        // … through osascript's fixed script, with the title and the message as the last two argv items
        var call = Directory.GetFiles(calls).Select(f => File.ReadAllText(f).TrimEnd('\0').Split('\0')).Single();
        Assert.Equal(["-e", "on run argv", "-e", "display notification (item 2 of argv) with title (item 1 of argv)", "-e", "end run"], call[..6]);
        Assert.Equal(8, call.Length);
        Assert.Contains("\"end tell\" & do shell script", call[7], StringComparison.Ordinal);
        Assert.Contains("\nline2.fish", call[7], StringComparison.Ordinal);

        // And nothing ran: no marker file exists
        daemon.Stop();
        Assert.Empty(Markers());
    }

    [Fact]
    public void A_project_directory_with_a_hostile_name_is_watched_and_recorded_without_running_anything()
    {
        File.WriteAllText(_h.HomePath(".zshrc"), "export GOPATH=$HOME/go\n");
        var project = Path.Combine(_h.Home, Hostile("project") + "\nline2");
        Directory.CreateDirectory(project);
        using var daemon = _h.StartDaemon();

        var add = _h.Cli("watch", "add", project);
        Assert.True(add.ExitCode == 0, add.ToString());
        var goMod = Path.Combine(project, "go.mod");
        File.WriteAllText(goMod, "module example.com/x // $(touch pwned-gomod)\n\ngo 1.22\n");
        // Seen absent when the project was added it is a creation; written before that look, a first sighting.
        Assert.NotNull(_h.WaitForEvent(e => e.Data is FileCreated or FileObserved && e.Path == goMod, TimeSpan.FromSeconds(10)));
        var doctor = _h.Cli("doctor", "--json");
        Assert.True(doctor.ExitCode is 0 or 1, doctor.ToString());
        var listed = System.Text.Json.JsonDocument.Parse(_h.Cli("watch", "list", "--json").Stdout).RootElement.GetRawText();
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize(project), listed);

        daemon.Stop();
        Assert.Empty(Markers());
    }
}
