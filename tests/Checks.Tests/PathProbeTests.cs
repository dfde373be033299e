using GoWatch.Checks.Binary;
using GoWatch.Checks.Facts;
using GoWatch.Checks.Probes;
using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests;

/// <summary>The path probe on a real temp tree, and which paths the collector asks it about.</summary>
public sealed class PathProbeTests
{
    [Fact]
    public void Probe_tells_directories_files_links_missing_and_relative_paths_apart()
    {
        using var s = Scenario.Mac();
        var root = Path.Combine(s.Root, "go");
        var go = s.MachOGo(root, Scenario.MachArm64);
        var link = Path.Combine(s.Root, "current");
        File.CreateSymbolicLink(link, root);
        var dangling = Path.Combine(s.Root, "dangling");
        File.CreateSymbolicLink(dangling, Path.Combine(s.Root, "gone"));

        var facts = new PathProbe().Probe([root, go, link + "/", dangling, Path.Combine(s.Root, "nothing"), "relative/dir"]);

        Assert.Equal(PathKind.Directory, facts.Get(root)!.Kind);
        Assert.Equal(new PathFact(go, PathKind.File, go, true, facts.Get(go)!.Header, facts.Get(go)!.Identity), facts.Get(go));
        Assert.NotNull(facts.Get(go)!.Identity);
        Assert.Equal(["arm64"], facts.Get(go)!.BinaryHeader.Architectures);
        Assert.Equal(PathKind.Directory, facts.Get(link)!.Kind);
        Assert.Equal(root, facts.Get(link)!.RealPath);
        Assert.True(facts.SamePlace(link, root));
        Assert.Equal(PathKind.Missing, facts.Get(dangling)!.Kind);
        Assert.Equal(PathKind.Missing, facts.Get(Path.Combine(s.Root, "nothing"))!.Kind);
        Assert.Equal(PathKind.Missing, facts.Get("relative/dir")!.Kind);
        Assert.Null(facts.Get("/never/asked"));
    }

    [Fact]
    public void A_plain_file_without_execute_bit_has_no_header_read()
    {
        using var s = Scenario.Mac();
        var file = s.HomeFile("notes.txt", "hello");
        var fact = new PathProbe().Probe([file]).Get(file)!;
        Assert.Equal((PathKind.File, false, BinaryFormat.Unknown), (fact.Kind, fact.Executable, fact.BinaryHeader.Format));
    }

    [Fact]
    public void Collector_asks_about_every_goroot_gopath_gobin_go_installation_and_goland_path()
    {
        var facts = FactsBuilder.Mac().WithGo().Export("GOROOT", "/opt/goroot").Export("GOBIN", "/Users/u/bin").EnvFile("GOPATH", "/Users/u/a:/Users/u/b")
            .GoLand().Project("api", goroot: "/Users/u/sdk/go1.20").GoLandSdk("/opt/sdk").Build();

        var mentioned = MentionedPaths.Of(facts);

        foreach (var path in new[] { "/opt/goroot", "/opt/goroot/bin/go", "/Users/u/bin", "/Users/u/a", "/Users/u/b/bin", "/usr/local/go", "/usr/local/go/bin", "/usr/local/go/bin/go", "/Users/u/sdk/go1.20", "/opt/sdk", "/Users/u/go" })
        {
            Assert.Contains(path, mentioned);
        }
        Assert.Equal(mentioned.Distinct().Count(), mentioned.Count);
    }

    [Fact]
    public async Task Collected_facts_hold_the_probed_goroot_so_checks_need_no_disk()
    {
        using var s = Scenario.Mac();
        s.FakeGo(s.Sys("/usr/local/go"), new FakeGo());
        s.Zshrc($"export GOROOT={Scenario.Sh(s.Sys("/usr/local/go"))}", "export PATH=\"$GOROOT/bin:$PATH\"");

        var facts = await s.FactsAsync();

        Assert.True(facts.Paths.Get(s.Sys("/usr/local/go"))!.IsDirectory);
        Assert.True(facts.Paths.Get(s.Sys("/usr/local/go/bin/go"))!.Executable);
    }
}
