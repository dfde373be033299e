namespace GoWatch.Checks.Facts;

/// <summary>The <c>go</c> and <c>toolchain</c> lines of a project's <c>go.mod</c>; <paramref name="Error"/> says why it could not be read.</summary>
public sealed record GoModFacts(string Path, string? GoVersion, Evidence? GoLine, string? Toolchain, Evidence? ToolchainLine, string? Error = null);
