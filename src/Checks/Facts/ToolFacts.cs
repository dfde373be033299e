namespace GoWatch.Checks.Facts;

/// <summary>The executables <c>go install</c> left in GOBIN and the GOPATH <c>bin</c> directories.</summary>
public sealed record ToolFacts
{
    /// <summary>The directories looked in (those that exist).</summary>
    public IReadOnlyList<string> Directories { get; init; } = [];

    /// <summary>Every executable found there, with its header; build info only for those built for another CPU than the host.</summary>
    public IReadOnlyList<ToolBinary> Binaries { get; init; } = [];
}
