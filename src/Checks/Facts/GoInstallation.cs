using GoWatch.Checks.Binary;

namespace GoWatch.Checks.Facts;

/// <summary>One Go installation, however many paths lead to it.</summary>
public sealed record GoInstallation
{
    /// <summary>Canonical root directory (symlinks resolved), or the resolved <c>go</c> file when it lives outside a Go tree.</summary>
    public required string Root { get; init; }

    /// <summary>The well-known locations and PATH entries where this installation was met.</summary>
    public IReadOnlyList<string> SeenAt { get; init; } = [];

    /// <summary>The <c>bin/go</c> inside <see cref="Root"/>, resolved.</summary>
    public string? GoBinary { get; init; }

    /// <summary>First line of the root's <c>VERSION</c> file.</summary>
    public string? Version { get; init; }

    /// <summary>Architecture(s) of <see cref="GoBinary"/> from its header.</summary>
    public BinaryHeader Header { get; init; } = BinaryHeader.Unknown;

    /// <summary>Found at one of the well-known locations (not only through PATH).</summary>
    public bool WellKnown { get; init; }

    /// <summary>A PATH entry of the login shell leads to it.</summary>
    public bool OnPath { get; init; }

    /// <summary>It is the <c>go</c> that runs (the first on PATH).</summary>
    public bool IsActive { get; init; }
}
