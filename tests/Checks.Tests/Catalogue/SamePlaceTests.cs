using GoWatch.Checks.Facts;
using GoWatch.Checks.Probes;
using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests.Catalogue;

/// <summary>
/// APFS ignores case by default: GOROOT=/usr/local/Go is /usr/local/go. Places are compared by
/// device and inode, not by their text.
/// </summary>
public sealed class SamePlaceTests
{
    [Fact]
    public void A_goroot_spelled_in_another_case_on_the_same_inode_is_no_mismatch()
    {
        var facts = FactsBuilder.Mac().WithGo("/usr/local/go").Export("GOROOT", "/usr/local/Go")
            .SamePlaceOnDisk("/usr/local/Go", "/usr/local/go", inode: 4242).Build();

        facts.Passes("goroot.mismatch");
    }

    [Fact]
    public void A_goroot_spelled_alike_but_on_another_inode_is_still_a_mismatch()
    {
        var facts = FactsBuilder.Mac().WithGo("/usr/local/go").Export("GOROOT", "/usr/local/Go")
            .SamePlaceOnDisk("/usr/local/go", "/usr/local/go", inode: 1)
            .Fact(new PathFact("/usr/local/Go", PathKind.Directory, "/usr/local/Go", Identity: new FileIdentity(16777232, 2))).Build();

        facts.Fails("goroot.mismatch");
    }

    [Fact]
    public void The_go_first_on_path_under_another_case_of_goroot_is_no_shadow()
    {
        var facts = FactsBuilder.Mac().WithGo("/usr/local/go").Export("GOROOT", "/usr/local/Go")
            .SamePlaceOnDisk("/usr/local/Go", "/usr/local/go", inode: 4242)
            .SamePlaceOnDisk("/usr/local/Go/bin/go", "/usr/local/go/bin/go", inode: 4343, file: true).Build();

        facts.Passes("path.order");
    }

    [Fact]
    public void A_goland_goroot_in_another_case_is_the_terminals_go()
    {
        var facts = FactsBuilder.Mac().WithGo("/usr/local/go").GoLand().Project("api", goroot: "/usr/local/Go")
            .SamePlaceOnDisk("/usr/local/Go", "/usr/local/go", inode: 4242).Build();

        facts.Passes("goland.goroot-differs");
    }

    [Fact]
    public void The_probe_reads_the_device_and_inode_that_stat_prints()
    {
        var dir = Directory.CreateTempSubdirectory("gowatch-identity-");
        try
        {
            var file = Path.Combine(dir.FullName, "go");
            File.WriteAllText(file, "x");
            var link = Path.Combine(dir.FullName, "GO");
            File.CreateSymbolicLink(link, file);
            var other = Path.Combine(dir.FullName, "other");
            File.WriteAllText(other, "y");
            var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-L", "-c", "%d %i", file]) { RedirectStandardOutput = true })!;
            var printed = stat.StandardOutput.ReadToEnd().Trim().Split(' ');
            stat.WaitForExit();

            var identity = PathProbe.ProbeOne(file).Identity;

            Assert.Equal(new FileIdentity(long.Parse(printed[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(printed[1], System.Globalization.CultureInfo.InvariantCulture)), identity);
            Assert.Equal(identity, PathProbe.ProbeOne(dir.FullName + "/GO").Identity);
            Assert.NotEqual(identity, PathProbe.ProbeOne(other).Identity);
            Assert.True(new PathFacts([PathProbe.ProbeOne(file), PathProbe.ProbeOne(link)]).SamePlace(file, link));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
