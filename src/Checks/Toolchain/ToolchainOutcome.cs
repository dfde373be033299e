namespace GoWatch.Checks.Toolchain;

/// <summary>What happens when <c>go</c> runs in a project, given its go.mod and GOTOOLCHAIN.</summary>
public enum ToolchainOutcome
{
    /// <summary>The default toolchain runs (the bundled one, or the one GOTOOLCHAIN names) and is new enough.</summary>
    Default,

    /// <summary>go switches to a newer toolchain go.mod asks for.</summary>
    Switches,

    /// <summary>The default toolchain runs although go.mod's <c>toolchain</c> line prefers a newer one (its <c>go</c> line is met).</summary>
    PreferenceIgnored,

    /// <summary>The toolchain that runs is older than go.mod needs and cannot switch: go refuses the module or fails to read it.</summary>
    TooOld,

    /// <summary>Not decidable from the facts (version of go unknown, an unreadable go line or GOTOOLCHAIN value).</summary>
    Unknown,
}
