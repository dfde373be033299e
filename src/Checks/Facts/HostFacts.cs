using GoWatch.Platform;

namespace GoWatch.Checks.Facts;

/// <summary>The machine: platform rules, CPU (as Go names it) and login shell.</summary>
public sealed record HostFacts(PlatformKind Platform, string Arch, string? Shell, string Home)
{
    /// <summary>macOS on an arm64 CPU.</summary>
    public bool IsAppleSilicon => Platform == PlatformKind.MacOS && Arch == "arm64";
}
