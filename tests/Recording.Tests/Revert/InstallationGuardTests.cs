using System.Security.Cryptography;
using GoWatch.Events;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Recording.Catalogue;
using GoWatch.Recording.Revert;
using GoWatch.Recording.Tests.Support;

namespace GoWatch.Recording.Tests.Revert;

/// <summary>GoLand may list a directory inside a Go installation as a project: revert must still never write there.</summary>
public sealed class InstallationGuardTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Reverting_a_file_inside_a_Go_installation_is_refused_even_when_GoLand_lists_it_as_a_project()
    {
        // Given a Go installation and GoLand's recent projects naming its src directory
        var goroot = _tree.Settings.SystemPath("/usr/local/go");
        Directory.CreateDirectory(Path.Combine(goroot, "bin"));
        Directory.CreateDirectory(Path.Combine(goroot, "src", "runtime"));
        File.WriteAllText(Path.Combine(goroot, "bin", "go"), "#!/bin/sh\n");
        File.WriteAllText(Path.Combine(goroot, "VERSION"), "go1.23.4\n");
        var src = Path.Combine(goroot, "src");
        WriteRecentProjects(src);
        var goMod = Path.Combine(src, "go.mod");

        using var store = LiteDbEventStore.Open(_tree.Settings.StorePath, _tree.Settings.LockPath);
        var catalogue = WatchCatalogue.Default(_tree.Settings);
        Assert.True(catalogue.IsRevertible(goMod)); // the catalogue alone would allow it
        var recorder = new FileRecorder(store, catalogue, 1024 * 1024, new ListLogger<FileRecorder>());
        File.WriteAllText(goMod, "module std\n\ngo 1.23\n");
        recorder.Record(goMod);
        File.WriteAllText(goMod, "module std\n\ngo 1.22\n");
        var edit = recorder.Record(goMod)!.Position;
        var before = SHA256.HashData(File.ReadAllBytes(goMod));
        var events = store.Count;

        // When the edit is reverted
        var result = new FileReverter(store, catalogue, 1024 * 1024, EventSources.Cli).Revert(new RevertRequest(edit) { Force = true });

        // Then it is refused, naming the installation, and nothing is written or recorded
        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.Contains("inside the Go installation", result.Message);
        Assert.Contains(goroot, result.Message);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(goMod)));
        Assert.Equal(events, store.Count);
    }

    [Fact]
    public void Reverting_a_file_inside_a_Homebrew_prefix_is_refused()
    {
        var prefix = _tree.Settings.SystemPath("/opt/homebrew");
        Directory.CreateDirectory(Path.Combine(prefix, "Cellar"));
        var project = Path.Combine(prefix, "share", "demo");
        Directory.CreateDirectory(project);
        WriteRecentProjects(project);
        var goMod = Path.Combine(project, "go.mod");

        using var store = LiteDbEventStore.Open(_tree.Settings.StorePath, _tree.Settings.LockPath);
        var catalogue = WatchCatalogue.Default(_tree.Settings);
        var recorder = new FileRecorder(store, catalogue, 1024 * 1024, new ListLogger<FileRecorder>());
        Assert.Null(recorder.Record(goMod)); // seen absent, so its appearance is a creation a revert would undo
        File.WriteAllText(goMod, "module demo\n");
        var created = recorder.Record(goMod)!.Position;

        var result = new FileReverter(store, catalogue, 1024 * 1024, EventSources.Cli).Revert(new RevertRequest(created) { Force = true });

        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.Contains("Homebrew prefix", result.Message);
        Assert.True(File.Exists(goMod));
    }

    private void WriteRecentProjects(string project)
    {
        var options = Path.Combine(_tree.Settings.JetBrainsConfigRoot, "GoLand2024.3", "options");
        Directory.CreateDirectory(options);
        File.WriteAllText(Path.Combine(options, "recentProjects.xml"), $"""
            <application>
              <component name="RecentProjectsManager">
                <option name="additionalInfo">
                  <map>
                    <entry key="{System.Security.SecurityElement.Escape(project)}"><value><RecentProjectMetaInfo /></value></entry>
                  </map>
                </option>
              </component>
            </application>
            """);
    }
}
