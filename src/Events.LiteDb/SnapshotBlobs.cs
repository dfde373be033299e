using System.IO.Compression;
using System.Security.Cryptography;
using LiteDB;

namespace GoWatch.Events.Store.LiteDb;

/// <summary>
/// File snapshots in the store's <c>blobs</c> collection, one document per sha256. A snapshot is
/// kept either whole (Brotli-compressed, <c>enc: "br"</c>, or <c>"raw"</c> when that is smaller)
/// or as a delta against an earlier snapshot (<c>enc: "delta"</c> / <c>"delta+br"</c>, with
/// <c>base</c> and <c>depth</c>): an rc file's revisions differ by a line or two, so the next
/// revision costs tens of bytes instead of a whole compressed copy. Ids and bases are
/// <see cref="BlobKey"/>s.
/// <para>
/// The base is chosen among the snapshots this process handled last (written, or read back —
/// the recorder reads a file's previous snapshot just before it stores the new one, so that
/// one is the first candidate). A chain is never deeper than <see cref="MaxDepth"/>: past that
/// the snapshot is stored whole again, which bounds the work of a read.
/// </para>
/// <para>
/// A delta is only as good as its base: a read that finds the base missing, or whose result
/// does not hash to its id, fails with <see cref="StoreUnavailableException"/> rather than
/// return wrong bytes.
/// </para>
/// </summary>
internal sealed class SnapshotBlobs(ILiteCollection<BsonDocument> blobs, string storePath)
{
    /// <summary>A whole snapshot at least every this many revisions of a chain.</summary>
    public const int MaxDepth = 50;

    private const string Full = "br";
    private const string Raw = "raw";
    private const string Delta = "delta";
    private const string DeltaBrotli = "delta+br";

    /// <summary>How many recent snapshots are tried as a base.</summary>
    private const int Candidates = 8;

    private readonly RecentSnapshots _recent = new(maxCount: 16, maxBytes: 2 << 20);

    /// <summary>Stores <paramref name="content"/> under <paramref name="sha"/> unless it is there. True when written.</summary>
    public bool Store(string sha, ReadOnlySpan<byte> content)
    {
        if (BlobKey.Find(blobs, sha) is { } existing)
        {
            _recent.Remember(sha, existing["depth"].IsInt32 ? existing["depth"].AsInt32 : 0, content.ToArray());
            return false;
        }
        var (doc, depth) = Encode(sha, content);
        blobs.Insert(doc);
        _recent.Remember(sha, depth, content.ToArray());
        return true;
    }

    public bool Contains(string sha) => BlobKey.Find(blobs, sha) is not null;

    /// <summary>The content with that hash, or null when it was never stored.</summary>
    public byte[]? Read(string sha)
    {
        if (_recent.TryGet(sha, out var cached))
        {
            return cached.Content.ToArray();
        }
        var doc = BlobKey.Find(blobs, sha);
        if (doc is null)
        {
            return null;
        }

        // Walk back to something whole (a full snapshot, or one still in memory), then forward.
        var chain = new Stack<BsonDocument>();
        byte[] content;
        var depth = 0;
        while (true)
        {
            var enc = doc["enc"].AsString;
            if (enc is not (Delta or DeltaBrotli))
            {
                content = enc == Full ? Decompress(doc["data"].AsBinary, doc["size"].AsInt32) : doc["data"].AsBinary;
                break;
            }
            chain.Push(doc);
            if (chain.Count > MaxDepth * 4)
            {
                throw Damaged(sha, $"its delta chain is longer than {MaxDepth * 4}");
            }
            var baseSha = BlobKey.Sha(doc["base"]) ?? throw Damaged(sha, "its delta names no base");
            if (_recent.TryGet(baseSha, out var known))
            {
                content = known.Content;
                depth = known.Depth;
                break;
            }
            doc = BlobKey.Find(blobs, baseSha) ?? throw Damaged(sha, $"it is stored as a delta of {baseSha}, which is missing");
        }
        while (chain.TryPop(out var step))
        {
            var id = BlobKey.Sha(step["_id"])!;
            var data = step["data"].AsBinary;
            try
            {
                content = BlobDelta.Apply(content, step["enc"].AsString == DeltaBrotli ? Decompress(data) : data, step["size"].AsInt32);
            }
            catch (InvalidDataException ex)
            {
                throw Damaged(id, ex.Message);
            }
            if (!Sha256Matches(content, id))
            {
                throw Damaged(id, "its delta does not reproduce the content it names");
            }
            depth = step["depth"].AsInt32;
        }
        _recent.Remember(sha, depth, content);
        return content.ToArray();
    }

    private (BsonDocument Doc, int Depth) Encode(string sha, ReadOnlySpan<byte> content)
    {
        // The smallest delta among the recent snapshots of about the same size.
        byte[]? delta = null;
        RecentSnapshots.Entry? deltaBase = null;
        foreach (var candidate in _recent.Newest(Candidates))
        {
            if (candidate.Content.Length > 2 * content.Length + 64 || content.Length > 2 * candidate.Content.Length + 64)
            {
                continue;
            }
            var d = BlobDelta.Encode(candidate.Content, content);
            if (delta is null || d.Length < delta.Length)
            {
                (delta, deltaBase) = (d, candidate);
            }
            if (delta.Length <= content.Length / 32)
            {
                break; // a line or two: no other base will do much better
            }
        }

        var doc = new BsonDocument { ["_id"] = BlobKey.For(sha), ["size"] = content.Length };
        // The best base ending a chain that is as deep as allowed: start again from a whole snapshot.
        if (delta is not null && deltaBase is not null && deltaBase.Depth < MaxDepth)
        {
            var deltaBrotli = delta.Length > 48 ? Compress(delta) : null;
            var (enc, payload) = deltaBrotli is not null && deltaBrotli.Length < delta.Length ? (DeltaBrotli, deltaBrotli) : (Delta, delta);
            // Only worth a chain when clearly smaller than the snapshot compressed on its own.
            if (payload.Length < content.Length / 4 || payload.Length < Compress(content).Length * 3 / 4)
            {
                doc["enc"] = enc;
                doc["base"] = BlobKey.For(deltaBase.Sha);
                doc["depth"] = deltaBase.Depth + 1;
                doc["data"] = payload;
                return (doc, deltaBase.Depth + 1);
            }
        }
        var compressed = Compress(content);
        (doc["enc"], doc["data"]) = compressed.Length < content.Length ? (Full, compressed) : (Raw, content.ToArray());
        return (doc, 0);
    }

    private StoreUnavailableException Damaged(string sha, string why) =>
        new($"The GoWatch store {storePath} is damaged: the snapshot {sha} cannot be read back ({why}). It was left untouched.");

    private static bool Sha256Matches(ReadOnlySpan<byte> content, string sha) =>
        Convert.ToHexStringLower(SHA256.HashData(content)) == sha;

    internal static byte[] Compress(ReadOnlySpan<byte> content)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(content);
        }
        return output.ToArray();
    }

    internal static byte[] Decompress(byte[] data, int size)
    {
        var result = new byte[size];
        using var brotli = new BrotliStream(new MemoryStream(data), CompressionMode.Decompress);
        brotli.ReadExactly(result);
        return result;
    }

    private static byte[] Decompress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(new MemoryStream(data), CompressionMode.Decompress))
        {
            brotli.CopyTo(output);
        }
        return output.ToArray();
    }
}

/// <summary>The snapshots handled last, newest first, bounded in count and bytes: the delta bases.</summary>
internal sealed class RecentSnapshots(int maxCount, long maxBytes)
{
    public sealed record Entry(string Sha, int Depth, byte[] Content);

    private readonly LinkedList<Entry> _entries = new();
    private readonly object _gate = new();
    private long _bytes;

    public void Remember(string sha, int depth, byte[] content)
    {
        if (content.Length > maxBytes / 2)
        {
            return;
        }
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Sha == sha)
                {
                    _entries.Remove(node);
                    _bytes -= node.Value.Content.Length;
                    break;
                }
            }
            _entries.AddFirst(new Entry(sha, depth, content));
            _bytes += content.Length;
            while (_entries.Count > maxCount || _bytes > maxBytes)
            {
                _bytes -= _entries.Last!.Value.Content.Length;
                _entries.RemoveLast();
            }
        }
    }

    public bool TryGet(string sha, out Entry entry)
    {
        lock (_gate)
        {
            foreach (var e in _entries)
            {
                if (e.Sha == sha)
                {
                    entry = e;
                    return true;
                }
            }
        }
        entry = null!;
        return false;
    }

    public IReadOnlyList<Entry> Newest(int count)
    {
        lock (_gate)
        {
            return _entries.Take(count).ToList();
        }
    }
}
