namespace GoWatch.Checks.Facts;

/// <summary>GoLand's global and per-project Go settings.</summary>
public sealed record GoLandFacts
{
    /// <summary>The newest <c>GoLand*</c> config directory, or null when GoLand is not installed for this user.</summary>
    public string? ConfigDirectory { get; init; }

    /// <summary>SDKs from <c>go.sdk.xml</c>.</summary>
    public IReadOnlyList<GoLandSdk> Sdks { get; init; } = [];

    /// <summary>
    /// The SDK a project that pins no GOROOT uses: GoLand's only one. With several, which one a
    /// project was given is not written down anywhere GoWatch reads, so there is none.
    /// </summary>
    public GoLandSdk? OnlySdk => ConfigDirectory is not null && Sdks is [var only] ? only : null;

    /// <summary>Global GOPATH entries from <c>goLibraries.xml</c>.</summary>
    public IReadOnlyList<string> Libraries { get; init; } = [];

    /// <summary>Projects from <c>recentProjects.xml</c> and the watched directories.</summary>
    public IReadOnlyList<GoLandProject> Projects { get; init; } = [];

    /// <summary>Configuration files GoLand could not parse either (malformed XML): file, line, reason.</summary>
    public IReadOnlyList<Evidence> Problems { get; init; } = [];

    /// <summary>No GoLand configuration and no projects.</summary>
    public static GoLandFacts Empty { get; } = new();
}
