namespace GoWatch.Checks.Facts;

/// <summary>Go's own env file (<c>go env -w</c> writes it), which silently overrides defaults for every shell and IDE.</summary>
public sealed record GoEnvFileFacts
{
    /// <summary>Where the file is (or would be).</summary>
    public required string Path { get; init; }

    /// <summary>Whether it exists.</summary>
    public bool Exists { get; init; }

    /// <summary>Why it could not be read, when it could not.</summary>
    public string? Error { get; init; }

    /// <summary>Its entries in file order.</summary>
    public IReadOnlyList<GoEnvFileEntry> Entries { get; init; } = [];

    /// <summary>The effective entry for <paramref name="key"/> (Go keeps the last one), or null.</summary>
    public GoEnvFileEntry? Get(string key) => Entries.LastOrDefault(e => e.Key == key);

    /// <summary>Evidence pointing at the entry for <paramref name="key"/>.</summary>
    public Evidence? EvidenceFor(string key) => Get(key) is { } e ? new Evidence(Path, e.Line, e.Text) : null;
}
