namespace GoWatch.Checks.Facts;

/// <summary>Go installations, Homebrew prefixes and broken <c>go</c> links on this machine.</summary>
public sealed record InstallationFacts
{
    /// <summary>Distinct installations, the active one marked.</summary>
    public IReadOnlyList<GoInstallation> Installations { get; init; } = [];

    /// <summary>Homebrew prefixes that exist (repository directories such as <c>/usr/local/Homebrew</c>), in system terms.</summary>
    public IReadOnlyList<string> HomebrewPrefixes { get; init; } = [];

    /// <summary>True when the Intel Homebrew (<c>/usr/local/Homebrew</c>) is present.</summary>
    public bool IntelHomebrewPresent { get; init; }

    /// <summary>Where the Intel Homebrew was found (mapped under the system root).</summary>
    public string? IntelHomebrewPath { get; init; }

    /// <summary>Dangling <c>go</c>/<c>gofmt</c> links on PATH and in well-known bin directories.</summary>
    public IReadOnlyList<DanglingSymlink> DanglingSymlinks { get; init; } = [];

    /// <summary>Nothing found.</summary>
    public static InstallationFacts Empty { get; } = new();
}
