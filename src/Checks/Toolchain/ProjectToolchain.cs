using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Toolchain;

/// <summary>
/// The toolchain <c>go</c> (run from a terminal, or by GoLand) uses in one project: its go.mod's
/// <c>go</c> and <c>toolchain</c> lines, the Go that starts and the GOTOOLCHAIN in force, and the
/// outcome, told in one sentence (<see cref="Story"/>).
/// </summary>
public sealed record ProjectToolchain
{
    /// <summary>The project directory.</summary>
    public required string Directory { get; init; }

    /// <summary>The project's go.mod.</summary>
    public required GoModFacts GoMod { get; init; }

    /// <summary>The go line's version; null when there is none (Go reads that as <c>go 1.16</c>) or it is not a version.</summary>
    public GoRelease? GoLine { get; init; }

    /// <summary>The toolchain line's toolchain; null when there is none, or it says <c>default</c>.</summary>
    public GoRelease? ToolchainLine { get; init; }

    /// <summary>The version of the go that starts (the one on PATH, or GoLand's), before any switch; null when unknown.</summary>
    public GoRelease? Bundled { get; init; }

    /// <summary>The GOTOOLCHAIN in force; null before Go 1.21 (ignored) or when unknown.</summary>
    public ToolchainSetting? Setting { get; init; }

    /// <summary>Where <see cref="Setting"/> comes from.</summary>
    public Evidence? SettingEvidence { get; init; }

    /// <summary>The toolchain that runs (<c>go1.22.5</c>), or null when none does or it is unknown.</summary>
    public string? Runs { get; init; }

    /// <summary>The outcome.</summary>
    public required ToolchainOutcome Outcome { get; init; }

    /// <summary>What happens and why, in one sentence.</summary>
    public required string Story { get; init; }

    /// <summary>The go.mod lines and the GOTOOLCHAIN assignment that decide the outcome.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}
