using System.Text.Json.Nodes;
using GoWatch.EndToEnd.Tests.Support;

namespace GoWatch.EndToEnd.Tests.Recording;

/// <summary>What the real daemon watches under macOS rules, as `gowatch status` reports it.</summary>
public sealed class MacWatchingStatusTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string Sys(string absolute) => Path.Combine(_h.SystemRoot, absolute.TrimStart('/'));

    [Fact]
    public void Under_macOS_rules_status_lists_deep_roots_and_never_a_system_directory()
    {
        // Given a Mac-like tree: /etc a link to /private/etc, the official Go, Apple Silicon Homebrew, and Linux leftovers
        Directory.CreateDirectory(Sys("/private/etc/paths.d"));
        File.CreateSymbolicLink(Sys("/etc"), "private/etc");
        MacTree.FakeGoRoot(Sys("/usr/local/go"), "arm64");
        Directory.CreateDirectory(Sys("/usr/local/bin"));
        Directory.CreateDirectory(Sys("/opt/homebrew/bin"));
        Directory.CreateDirectory(Sys("/usr/lib/go-1.19/bin"));
        Directory.CreateDirectory(Sys("/home/linuxbrew/.linuxbrew/bin"));
        Directory.CreateDirectory(Sys("/Users"));
        File.WriteAllText(_h.HomePath(".zshrc"), "export GOPATH=$HOME/go\n");
        _h.Environment["GOWATCH_PLATFORM"] = "macos";
        _h.Environment["GOWATCH_HOST_ARCH"] = "arm64";
        _h.Environment["GOWATCH_NOTIFICATIONS"] = "false";
        using var daemon = _h.StartDaemon();

        // When status is asked for as JSON and in full
        var json = _h.Cli("status", "--json");
        var verbose = _h.Cli("status", "--verbose");

        // Then the watching list holds the deep roots …
        Assert.True(json.ExitCode == 0, json.ToString());
        var watching = JsonNode.Parse(json.Stdout)!["watching"]!.AsArray()
            .Select(w => (Path: w!["path"]!.GetValue<string>(), Recursive: w["recursive"]!.GetValue<bool>()))
            .ToList();
        Assert.Contains((_h.Home, false), watching);
        Assert.Contains((Sys("/private/etc"), true), watching);
        Assert.Contains((Sys("/usr/local/go"), true), watching);
        Assert.Contains(watching, w => w.Path == Sys("/opt/homebrew"));

        // … and no root that holds the system, every user, or a Linux-only location
        var never = new[] { "/", "/home", "/Users", "/usr", "/opt", "/private", "/usr/local", "/usr/lib", "/home/linuxbrew" }
            .SelectMany(p => new[] { p, Sys(p) })
            .Append(_h.SystemRoot)
            .Append(_h.Root);
        foreach (var (path, _) in watching)
        {
            Assert.DoesNotContain(path, never);
            Assert.DoesNotContain("linuxbrew", path, StringComparison.Ordinal);
            Assert.False(path.StartsWith(Sys("/usr/lib") + "/", StringComparison.Ordinal), path);
        }

        // And the human form lists the same directories
        Assert.True(verbose.ExitCode == 0, verbose.ToString());
        Assert.Contains($"Watching: {watching.Count} directories", verbose.Stdout, StringComparison.Ordinal);
        Assert.Contains(Sys("/usr/local/go") + " (and below)", verbose.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_daemon_down_status_says_nothing_is_watched()
    {
        var json = _h.Cli("status", "--json");

        Assert.Empty(JsonNode.Parse(json.Stdout)!["watching"]!.AsArray());
    }
}
