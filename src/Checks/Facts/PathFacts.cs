namespace GoWatch.Checks.Facts;

/// <summary>
/// The paths the facts mention, as the path probe found them, keyed by absolute path. Checks
/// ask here instead of the disk; a path nobody probed is unknown (<see cref="Get"/> is null),
/// and a check that needs it is skipped rather than guessing.
/// </summary>
public sealed class PathFacts
{
    private readonly Dictionary<string, PathFact> _byPath;

    /// <summary>Facts about <paramref name="facts"/>; a later fact about the same path wins.</summary>
    public PathFacts(IEnumerable<PathFact> facts)
    {
        _byPath = new Dictionary<string, PathFact>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            _byPath[Normalize(fact.Path)] = fact;
        }
    }

    /// <summary>No path probed.</summary>
    public static PathFacts Empty { get; } = new([]);

    /// <summary>Every probed path.</summary>
    public IReadOnlyCollection<PathFact> All => _byPath.Values;

    /// <summary>What was found at <paramref name="path"/>, or null when it was not probed.</summary>
    public PathFact? Get(string path) => _byPath.TryGetValue(Normalize(path), out var fact) ? fact : null;

    /// <summary>True when <paramref name="path"/> was probed and is a directory; null when it was not probed.</summary>
    public bool? IsDirectory(string path) => Get(path)?.IsDirectory;

    /// <summary>The real path when probed, else the path itself (normalised).</summary>
    public string RealPathOf(string path) => Normalize(Get(path)?.RealPath ?? path);

    /// <summary>
    /// Two paths name the same place: by device and inode when the probe found both (a
    /// case-insensitive disk spells one place many ways), else once symlinks are resolved.
    /// </summary>
    public bool SamePlace(string a, string b) =>
        Get(a)?.Identity is { } ia && Get(b)?.Identity is { } ib
            ? ia == ib
            : string.Equals(RealPathOf(a), RealPathOf(b), StringComparison.Ordinal);

    /// <summary><paramref name="inner"/> is <paramref name="outer"/> or lies inside it.</summary>
    public bool IsInside(string inner, string outer)
    {
        var i = RealPathOf(inner);
        var o = RealPathOf(outer);
        return i == o || i.StartsWith(o == "/" ? "/" : o + "/", StringComparison.Ordinal);
    }

    /// <summary>Drops trailing slashes so <c>/usr/bin/</c> equals <c>/usr/bin</c>.</summary>
    public static string Normalize(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
