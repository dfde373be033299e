using GoWatch.Checks.Facts;
using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests.Catalogue;

/// <summary>tools.stale-arch over hand-built facts.</summary>
public sealed class ToolsStaleArchCheckTests
{
    private const string Bin = FactsBuilder.Home + "/go/bin";

    [Fact]
    public void Native_tools_pass() =>
        FactsBuilder.Mac().Tools(Bin, new ToolBinary(Bin + "/gopls", FactsBuilder.MachO("arm64"))).Build().Passes("tools.stale-arch");

    [Fact]
    public void A_universal_tool_with_a_native_slice_passes() =>
        FactsBuilder.Mac().Tools(Bin, new ToolBinary(Bin + "/golangci-lint", new Binary.BinaryHeader(Binary.BinaryFormat.MachOUniversal, ["amd64", "arm64"])))
            .Build().Passes("tools.stale-arch");

    [Fact]
    public void An_intel_dlv_on_apple_silicon_is_stale_and_the_fix_reinstalls_its_package()
    {
        var finding = FactsBuilder.Mac().Tools(Bin,
                new ToolBinary(Bin + "/gopls", FactsBuilder.MachO("arm64")),
                new ToolBinary(Bin + "/dlv", FactsBuilder.MachO("amd64"), "github.com/go-delve/delve/cmd/dlv"))
            .Build().Fails("tools.stale-arch");
        Assert.Contains("dlv", finding.Title);
        Assert.DoesNotContain("gopls", finding.Title);
        Assert.Equal(Bin + "/dlv", Assert.Single(finding.Evidence).File);
        Assert.Equal("Reinstall with the native Go: go install github.com/go-delve/delve/cmd/dlv@latest.", finding.Fix);
    }

    [Fact]
    public void A_stale_tool_without_build_info_is_named_for_removal() =>
        Assert.Contains("Reinstall or remove oldtool", FactsBuilder.Mac().Tools(Bin, new ToolBinary(Bin + "/oldtool", FactsBuilder.MachO("amd64"))).Build().Fails("tools.stale-arch").Fix);

    [Fact]
    public void Scripts_and_unknown_files_are_never_called_stale() =>
        FactsBuilder.Mac().Tools(Bin, new ToolBinary(Bin + "/wrapper", new Binary.BinaryHeader(Binary.BinaryFormat.Script, []))).Build().Passes("tools.stale-arch");

    [Fact]
    public void Tools_stale_arch_is_skipped_when_no_tool_directory_exists() =>
        Assert.Contains("GOPATH bin", FactsBuilder.Mac().NoToolDirectories().Build().Skips("tools.stale-arch"));

    [Fact]
    public void Tools_stale_arch_is_skipped_when_tools_were_not_looked_at() =>
        FactsBuilder.Mac().Build().Skips("tools.stale-arch");
}
