using GoWatch.Checks.Tests.Support;
using GoWatch.Platform;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Tests;

/// <summary>
/// On a Mac, <c>/usr/bin/clang</c> always exists but is an xcrun shim: cgo works only with the
/// developer directory <c>xcode-select -p</c> names. A shim <c>xcode-select</c> plays each Mac.
/// </summary>
public sealed class CgoDeveloperToolsTests
{
    private static Scenario MacWithShimClang(string xcodeSelectBody)
    {
        // This machine's /usr/bin/clang stands in for Apple's shim; its CPU is the host's.
        var s = Scenario.Mac().WithHostArch(HostArchitecture.Detect(PlatformKind.Linux));
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { CgoEnabled = true, Cc = "clang", HostArch = s.HostArch });
        var shims = Path.Combine(s.Root, "shims");
        var xcodeSelect = Executables.Write(Path.Combine(shims, "xcode-select"), "#!/bin/sh\n" + xcodeSelectBody + "\n");
        s.Zshrc($"export PATH={Scenario.Sh(Path.Combine(root, "bin"))}:{Scenario.Sh(shims)}:$PATH");
        return s;
    }

    [Fact]
    public async Task Cgo_through_the_usr_bin_shim_without_command_line_tools_is_reported()
    {
        using var s = MacWithShimClang("echo 'xcode-select: error: unable to get active developer directory' >&2; exit 2");
        Assert.True(File.Exists("/usr/bin/clang"), "this test needs clang in /usr/bin");

        var report = await s.VerifyAsync("cgo.compiler");

        var finding = report.Fires("cgo.compiler");
        Assert.Contains("Command Line Tools", finding.Title);
        Assert.Contains("xcode-select --install", finding.Fix);
    }

    [Fact]
    public async Task A_developer_directory_left_without_xcrun_after_an_update_is_reported_as_xcrun_says()
    {
        using var s = MacWithShimClang("echo /nonexistent-gowatch/Library/Developer/CommandLineTools");
        Assert.True(File.Exists("/usr/bin/clang"), "this test needs clang in /usr/bin");

        var report = await s.VerifyAsync("cgo.compiler");

        Assert.Contains("xcrun: error: invalid active developer path (/nonexistent-gowatch/Library/Developer/CommandLineTools)", report.Fires("cgo.compiler").Detail);
    }

    [Fact]
    public async Task Cgo_through_the_usr_bin_shim_with_command_line_tools_is_fine()
    {
        // Given xcode-select naming a developer directory that has xcrun
        using var mac = MacWithShimClang("exit 2");
        var macTools = mac.Sys("/Library/Developer/CommandLineTools");
        Executables.Write(Path.Combine(macTools, "usr", "bin", "xcrun"), "#!/bin/sh\nexit 0\n");
        Executables.Write(Path.Combine(mac.Root, "shims", "xcode-select"), $"#!/bin/sh\necho {Scenario.Sh(macTools)}\n");

        var report = await mac.VerifyAsync("cgo.compiler");

        report.Passes("cgo.compiler");
    }
}
