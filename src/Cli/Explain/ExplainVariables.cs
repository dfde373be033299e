namespace GoWatch.Cli.Explain;

/// <summary>What <c>gowatch explain</c> covers: the Go variables that decide a build, and <c>go</c>, the binary found on PATH.</summary>
public static class ExplainVariables
{
    /// <summary>The name that stands for the <c>go</c> binary found on PATH.</summary>
    public const string Go = "go";

    /// <summary>Every name, in the order they are explained.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        Go, "GOROOT", "GOPATH", "GOBIN", "GOENV", "GOFLAGS", "GO111MODULE", "GOPROXY", "GOSUMDB", "GOTOOLCHAIN", "CGO_ENABLED", "CC",
    ];

    /// <summary>The canonical spelling of <paramref name="typed"/> (case ignored), or null when it is not one of <see cref="Names"/>.</summary>
    public static string? Find(string typed) => Names.FirstOrDefault(n => string.Equals(n, typed, StringComparison.OrdinalIgnoreCase));
}
