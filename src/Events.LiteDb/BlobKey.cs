using LiteDB;

namespace GoWatch.Events.Store.LiteDb;

/// <summary>
/// How a snapshot's sha256 is kept in the <c>blobs</c> collection: its 32 bytes, not its 64 hex
/// characters. An rc file's revision costs a delta of tens of bytes, so the id (kept in the
/// document, in the <c>_id</c> index and again as the next revision's <c>base</c>) was most of
/// it. Stores written before keep hex strings; both forms are read, and a lookup that misses
/// the binary key tries the hex one.
/// </summary>
internal static class BlobKey
{
    private const int Bytes = 32;

    /// <summary>The key for <paramref name="sha"/>: binary for a sha256 in hex, the text itself for anything else.</summary>
    public static BsonValue For(string sha) =>
        sha.Length == 2 * Bytes && IsLowerHex(sha) ? new BsonValue(Convert.FromHexString(sha)) : new BsonValue(sha);

    /// <summary>The sha256 in hex that a key (either form) names; null for a value of another type.</summary>
    public static string? Sha(BsonValue key) => key switch
    {
        { IsBinary: true } when key.AsBinary.Length == Bytes => Convert.ToHexStringLower(key.AsBinary),
        { IsString: true } => key.AsString,
        _ => null,
    };

    /// <summary>The document stored under <paramref name="sha"/>, in either form.</summary>
    public static BsonDocument? Find(ILiteCollection<BsonDocument> blobs, string sha)
    {
        var key = For(sha);
        return blobs.FindById(key) ?? (key.IsBinary ? blobs.FindById(sha) : null);
    }

    private static bool IsLowerHex(string s)
    {
        foreach (var c in s)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }
        return true;
    }
}
