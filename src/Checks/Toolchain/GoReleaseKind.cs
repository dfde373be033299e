namespace GoWatch.Checks.Toolchain;

/// <summary>What a Go version names, in Go's order within one language version.</summary>
public enum GoReleaseKind
{
    /// <summary><c>1.22</c> from Go 1.21 on: the language version, before any of its releases.</summary>
    Language,

    /// <summary><c>1.18beta1</c>.</summary>
    Beta,

    /// <summary><c>1.22rc1</c>.</summary>
    ReleaseCandidate,

    /// <summary><c>1.22.0</c>, <c>1.22.5</c>; and <c>1.20</c>, the first release of a line before Go 1.21.</summary>
    Release,
}
