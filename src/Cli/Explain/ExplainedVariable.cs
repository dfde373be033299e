using GoWatch.Checks.Toolchain;

namespace GoWatch.Cli.Explain;

/// <summary>One variable explained: who wins in a terminal, who wins in each GoLand project, and every source seen.</summary>
public sealed record ExplainedVariable(string Name, TerminalValue Terminal, IReadOnlyList<GoLandValue> GoLand, IReadOnlyList<ValueSource> Sources)
{
    /// <summary>For GOTOOLCHAIN and go: the toolchain a terminal's go runs in each watched project with a go.mod; empty for the rest.</summary>
    public IReadOnlyList<ProjectToolchain> Toolchains { get; init; } = [];

    /// <summary>For GOTOOLCHAIN and go: the same for go run by GoLand, where GoLand's Go is known (a project GOROOT or GoLand's only SDK).</summary>
    public IReadOnlyList<ProjectToolchain> GoLandToolchains { get; init; } = [];
}
