namespace GoWatch.Checks.Binary;

/// <summary>
/// The CPU architectures a binary is built for, in Go's names (<c>arm64</c>, <c>amd64</c>, …).
/// Empty for scripts and unknown files: "unknown" must never be read as "wrong".
/// </summary>
public sealed record BinaryHeader(BinaryFormat Format, IReadOnlyList<string> Architectures)
{
    /// <summary>A file that could not be read or recognised.</summary>
    public static BinaryHeader Unknown { get; } = new(BinaryFormat.Unknown, []);

    /// <summary>True when the header names at least one architecture.</summary>
    public bool IsKnown => Architectures.Count > 0;

    /// <summary>True when the binary can run natively on <paramref name="hostArch"/> (a universal binary needs one matching slice).</summary>
    public bool RunsNativelyOn(string hostArch) => Architectures.Contains(hostArch, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => IsKnown ? $"{Format} ({string.Join(", ", Architectures)})" : Format.ToString();
}
