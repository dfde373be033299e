namespace GoWatch.Events.Store;

/// <summary>Content-addressed file snapshots: one copy per sha256.</summary>
public interface IBlobStore
{
    /// <summary>Stores <paramref name="content"/> (once) and returns its lowercase hex sha256.</summary>
    string Put(ReadOnlySpan<byte> content);

    /// <summary>Like <see cref="Put"/> for content an append is about to name: durable no later than that append (one disk sync for both).</summary>
    string PutBeforeAppend(ReadOnlySpan<byte> content) => Put(content);

    /// <summary>The content with that hash, or null when it was never stored.</summary>
    byte[]? Get(string sha256);

    bool Contains(string sha256);
}
