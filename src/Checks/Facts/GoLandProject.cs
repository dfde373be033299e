namespace GoWatch.Checks.Facts;

/// <summary>A GoLand/Go project: its IDE settings (<c>.idea/workspace.xml</c>) and its <c>go.mod</c>.</summary>
public sealed record GoLandProject
{
    /// <summary>The project directory.</summary>
    public required string Directory { get; init; }

    /// <summary>The project's <c>.idea/workspace.xml</c>, when it exists.</summary>
    public string? WorkspaceFile { get; init; }

    /// <summary>The GOROOT GoLand uses for this project (macros expanded), or null when unset.</summary>
    public string? Goroot { get; init; }

    /// <summary>The first line of <see cref="Goroot"/>'s <c>VERSION</c> file (<c>go1.22.5</c>), or null.</summary>
    public string? GorootVersion { get; init; }

    /// <summary>Where <see cref="Goroot"/> is set.</summary>
    public Evidence? GorootEvidence { get; init; }

    /// <summary>Go modules integration: true/false when the workspace says, null when it does not.</summary>
    public bool? ModulesIntegration { get; init; }

    /// <summary>Where <see cref="ModulesIntegration"/> is set.</summary>
    public Evidence? ModulesEvidence { get; init; }

    /// <summary>Environment GoLand passes to Go for this project (<c>VgoProject</c>), with the evidence of each entry.</summary>
    public IReadOnlyDictionary<string, (string Value, Evidence Evidence)> Environment { get; init; } =
        new Dictionary<string, (string, Evidence)>();

    /// <summary>The project's <c>go.mod</c>, or null when it has none.</summary>
    public GoModFacts? GoMod { get; init; }
}
