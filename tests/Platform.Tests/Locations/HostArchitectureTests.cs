using System.Runtime.InteropServices;
using GoWatch.Platform.Locations;

namespace GoWatch.Platform.Tests.Locations;

/// <summary>The host CPU from the hardware's answer, and the Rosetta warning from the kernel's.</summary>
public sealed class HostArchitectureTests
{
    [Fact]
    public void Apple_Silicon_is_arm64_even_when_the_runtime_says_x64_under_Rosetta()
    {
        Assert.Equal("arm64", HostArchitecture.FromHardware(1, Architecture.X64));
    }

    [Fact]
    public void An_Intel_Mac_that_has_the_key_says_0_and_is_amd64()
    {
        Assert.Equal("amd64", HostArchitecture.FromHardware(0, Architecture.X64));
    }

    [Fact]
    public void Without_the_key_the_runtime_decides()
    {
        Assert.Equal("amd64", HostArchitecture.FromHardware(null, Architecture.X64));
        Assert.Equal("arm64", HostArchitecture.FromHardware(null, Architecture.Arm64));
    }

    [Fact]
    public void A_translated_process_is_warned_about_naming_the_program()
    {
        var warning = HostArchitecture.TranslationWarning(1, "gowatchd");

        Assert.NotNull(warning);
        Assert.StartsWith("gowatchd runs under Rosetta", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(null)]
    public void A_native_process_or_an_Intel_Mac_gets_no_warning(int? procTranslated)
    {
        Assert.Null(HostArchitecture.TranslationWarning(procTranslated, "gowatchd"));
    }

    [Fact]
    public void Off_macOS_nothing_is_asked_and_no_warning_is_given()
    {
        if (OperatingSystem.IsMacOS())
        {
            return; // the P/Invoke answers there; this test covers the other platforms
        }
        Assert.Null(HostArchitecture.TranslationWarning("gowatchd"));
        Assert.Equal(HostArchitecture.FromRuntime(RuntimeInformation.OSArchitecture), HostArchitecture.Detect(PlatformKind.MacOS));
    }
}
