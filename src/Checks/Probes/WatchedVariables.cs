namespace GoWatch.Checks.Probes;

/// <summary>The variables whose last assignment GoWatch attributes to a startup-file line.</summary>
public static class WatchedVariables
{
    /// <summary>PATH and the Go variables of SPEC §5.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "PATH", "GOROOT", "GOPATH", "GOBIN", "GO111MODULE", "GOPROXY", "GOSUMDB", "GONOSUMDB",
        "GONOSUMCHECK", "GOINSECURE", "GOPRIVATE", "GOFLAGS", "GOTOOLCHAIN", "CGO_ENABLED", "CC",
    ];
}
