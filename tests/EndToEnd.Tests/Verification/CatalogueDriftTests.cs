using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;

namespace GoWatch.EndToEnd.Tests.Verification;

/// <summary>Drift caused by installations and GoLand, on a Mac-like tree in a temp dir.</summary>
public sealed class CatalogueDriftTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    private IReadOnlyList<EventEnvelope> All() => new SocketClient(_h.SocketPath).TryQuery(new EventQuery { Ascending = true }) ?? [];

    private EventEnvelope WaitFor(Func<EventEnvelope, bool> match, DaemonProcess daemon, string what) =>
        _h.WaitForEvent(match, TimeSpan.FromSeconds(15)) ?? throw new Xunit.Sdk.XunitException($"no {what}\n{string.Join("\n", All().Select(e => $"{e.Position} {e.Type} {e.Stream}"))}\n{daemon.Output}");

    [Fact]
    public void Replacing_usr_local_go_with_an_Intel_build_on_Apple_Silicon_records_the_installation_change_and_arch_mismatch()
    {
        _h.Environment["GOWATCH_HOST_ARCH"] = "arm64";
        var goRoot = Path.Combine(_h.SystemRoot, "usr", "local", "go");
        MacTree.FakeGoRoot(goRoot, "arm64");
        File.WriteAllText(_h.HomePath(".zshrc"), $"export PATH='{goRoot}/bin':$PATH\n");
        using var daemon = _h.StartDaemon();
        WaitFor(e => e.Data is VerificationCompleted { Trigger: "startup" }, daemon, "startup verification");
        // There before the daemon: a baseline, not an appearance.
        Assert.Contains(All(), e => e.Data is InstallationObserved { Fingerprint.Version: "go1.22.5" } i && i.Path == goRoot);
        Assert.DoesNotContain(All(), e => e.Data is DriftDetected { CheckId: "go.arch-mismatch" });

        // What an installer does: remove the old tree, unpack the new one.
        Directory.Delete(goRoot, recursive: true);
        MacTree.FakeGoRoot(goRoot, "amd64", "go1.22.6");

        var changed = WaitFor(e => e.Data is InstallationChanged { After.Version: "go1.22.6" }, daemon, "InstallationChanged");
        var installation = (InstallationChanged)changed.Data;
        Assert.Equal("go1.22.5", installation.Before!.Version);
        Assert.NotEqual(installation.Before.GoBinarySha256, installation.After.GoBinarySha256);
        Assert.Equal("install:" + goRoot, changed.Stream);
        var drift = WaitFor(e => e.Data is DriftDetected { CheckId: "go.arch-mismatch" }, daemon, "DriftDetected go.arch-mismatch");
        Assert.Equal(changed.Position, ((DriftDetected)drift.Data).CausedBy);
    }

    [Fact]
    public void A_GoLand_project_GOROOT_changed_to_a_missing_directory_is_detected_and_a_new_recent_project_is_watched_without_restart()
    {
        var sdk = Path.Combine(_h.Home, "sdk", "go1.22.5");
        MacTree.FakeGoRoot(sdk, "amd64");
        var options = Path.Combine(_h.Home, ".config", "JetBrains", "GoLand2024.1", "options");
        Directory.CreateDirectory(options);
        var first = Path.Combine(_h.Home, "GolandProjects", "first");
        Directory.CreateDirectory(Path.Combine(first, ".idea"));
        File.WriteAllText(Path.Combine(first, ".idea", "workspace.xml"), MacTree.Workspace("file://" + sdk));
        File.WriteAllText(Path.Combine(options, "recentProjects.xml"), MacTree.RecentProjects("$USER_HOME$/GolandProjects/first"));
        File.WriteAllText(_h.HomePath(".zshrc"), $"export PATH=$PATH:'{sdk}/bin'\n");
        using var daemon = _h.StartDaemon();
        WaitFor(e => e.Data is VerificationCompleted { Trigger: "startup" }, daemon, "startup verification");
        Assert.DoesNotContain(All(), e => e.Data is DriftDetected { CheckId: "goland.goroot-missing" });

        // A second project appears in GoLand's recent list; its workspace must be watched from now on.
        var second = Path.Combine(_h.Home, "GolandProjects", "second");
        Directory.CreateDirectory(Path.Combine(second, ".idea"));
        File.WriteAllText(Path.Combine(second, ".idea", "workspace.xml"), MacTree.Workspace("file://" + sdk));
        File.WriteAllText(Path.Combine(options, "recentProjects.xml"), MacTree.RecentProjects("$USER_HOME$/GolandProjects/first", "$USER_HOME$/GolandProjects/second"));
        var workspace = Path.Combine(second, ".idea", "workspace.xml");
        // The workspace existed before GoLand listed the project: its first sighting is a baseline.
        WaitFor(e => e.Data is FileObserved c && c.Path == workspace, daemon, "the new project's workspace.xml recorded");

        File.WriteAllText(workspace, MacTree.Workspace("file://$USER_HOME$/sdk/go1.99.0"));

        var change = WaitFor(e => e.Data is FileChanged c && c.Path == workspace, daemon, "FileChanged for workspace.xml");
        var drift = WaitFor(e => e.Data is DriftDetected { CheckId: "goland.goroot-missing" }, daemon, "DriftDetected goland.goroot-missing");
        Assert.Equal(change.Position, ((DriftDetected)drift.Data).CausedBy);
    }

    [Fact]
    public void A_project_added_with_watch_add_is_watched_by_the_running_daemon()
    {
        var project = Path.Combine(_h.Home, "code", "svc");
        Directory.CreateDirectory(project);
        using var daemon = _h.StartDaemon();

        var add = _h.Cli("watch", "add", project);
        Assert.Equal(0, add.ExitCode);
        Assert.Contains(project, _h.Cli("watch", "list", "--json").Stdout);
        File.WriteAllText(Path.Combine(project, "go.mod"), "module svc\n\ngo 1.22\n");

        // Seen absent when the project was added, it is a creation; written before that look, a first sighting.
        WaitFor(e => e.Data is FileCreated or FileObserved && e.Path == Path.Combine(project, "go.mod"), daemon, "go.mod recorded");
        Assert.Equal(0, _h.Cli("watch", "remove", project).ExitCode);
        Assert.Equal("[]", _h.Cli("watch", "list", "--json").Stdout.Trim());
    }
}
