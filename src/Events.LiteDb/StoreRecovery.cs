using System.Buffers.Binary;
using LiteDB;

namespace GoWatch.Events.Store.LiteDb;

/// <summary>
/// Copies every event that can still be read out of a damaged store into a new one. It reads the
/// damaged files page by page (never through LiteDB's engine, whose indexes may be what is
/// broken, and never for writing), takes each document from the data pages that are intact —
/// with the pages of committed transactions still in the log file laid over them — and writes
/// the events, in position order and keeping their positions, and the snapshots they name into
/// a new store.
/// </summary>
public static class StoreRecovery
{
    private const int PageSize = StoreIntegrity.PageSize;
    private const byte DataPageType = 4;

    // LiteDB 5 page layout: highest slot index at 30; the slot table grows back from the end of
    // the page, 4 bytes a slot (length, then position); a data block starts with an "extends a
    // previous block" flag and the address of the next block (page id, slot index), then data.
    private const int HighestIndexOffset = 30;
    private const int TransactionIdOffset = 14;
    private const int IsConfirmedOffset = 18;
    private const int HeaderSize = 32;
    private const int BlockHeaderSize = 6;

    /// <summary>What a recovery copied and what it had to leave behind.</summary>
    public sealed record Result(string Target, int Events, int Snapshots, IReadOnlyList<long> MissingPositions, int MissingSnapshots);

    /// <summary>Recovers <paramref name="damagedPath"/> into <c>events.db</c> in <paramref name="targetDir"/>, which must not hold a store yet.</summary>
    public static Result Recover(string damagedPath, string targetDir)
    {
        var target = Path.Combine(targetDir, Path.GetFileName(damagedPath));
        if (File.Exists(target))
        {
            throw new StoreUnavailableException($"{target} already exists; recover into an empty directory.");
        }
        var pages = ReadPages(damagedPath);
        var events = new SortedDictionary<long, BsonDocument>();
        var blobs = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        foreach (var doc in Documents(pages))
        {
            if (doc.TryGetValue("eventId", out _) && doc["_id"].IsInt64 && doc["stream"].IsString)
            {
                events[doc["_id"].AsInt64] = doc;
            }
            else if (BlobKey.Sha(doc["_id"]) is { } sha && doc.ContainsKey("size") && doc.ContainsKey("enc"))
            {
                blobs[sha] = doc;
            }
        }

        var missing = new List<long>();
        var last = events.Count == 0 ? 0 : events.Keys.Last();
        for (long p = 1; p <= last; p++)
        {
            if (!events.ContainsKey(p))
            {
                missing.Add(p);
            }
        }

        var lockPath = Path.Combine(targetDir, "gowatch.lock");
        Directory.CreateDirectory(targetDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using (var store = LiteDbEventStore.Open(target, lockPath))
        {
            store.Import(events.Values, Needed(events.Values, blobs));
        }
        using var check = LiteDbEventStore.Open(target, lockPath);
        var named = events.Values.SelectMany(Shas).Distinct(StringComparer.Ordinal).ToList();
        var readable = named.Count(sha => Readable(check, sha));
        return new Result(target, events.Count, readable, missing, named.Count - readable);
    }

    private static bool Readable(LiteDbEventStore store, string sha)
    {
        try
        {
            return store.Get(sha) is not null;
        }
        catch (StoreUnavailableException)
        {
            return false;
        }
    }

    /// <summary>The snapshots the events name, with every delta base they need.</summary>
    private static List<BsonDocument> Needed(IEnumerable<BsonDocument> events, Dictionary<string, BsonDocument> blobs)
    {
        var result = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        var pending = new Stack<string>(events.SelectMany(Shas));
        while (pending.TryPop(out var sha))
        {
            if (result.ContainsKey(sha) || !blobs.TryGetValue(sha, out var doc))
            {
                continue;
            }
            result[sha] = doc;
            if (doc.TryGetValue("base", out var b) && BlobKey.Sha(b) is { } baseSha)
            {
                pending.Push(baseSha);
            }
        }
        return result.Values.ToList();
    }

    /// <summary>Every sha256 an event's data names (before/after/backup/target content).</summary>
    private static IEnumerable<string> Shas(BsonDocument e)
    {
        if (!e.TryGetValue("data", out var data) || !data.IsString)
        {
            yield break;
        }
        using var json = System.Text.Json.JsonDocument.Parse(data.AsString);
        if (json.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            yield break;
        }
        var found = new List<string>();
        foreach (var property in json.RootElement.EnumerateObject())
        {
            if (property.Name.EndsWith("Sha256", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == System.Text.Json.JsonValueKind.String && property.Value.GetString() is { Length: 64 } sha)
            {
                found.Add(sha);
            }
        }
        foreach (var sha in found)
        {
            yield return sha;
        }
    }

    /// <summary>The data file's pages by id, with the log's committed pages laid over them; damaged pages are left out.</summary>
    private static Dictionary<uint, byte[]> ReadPages(string path)
    {
        var pages = new Dictionary<uint, byte[]>();
        foreach (var (index, page) in Pages(path))
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(page) == index && page[4] <= 4)
            {
                pages[(uint)index] = page;
            }
        }
        var log = LiteDbEventStore.LogFilePath(path);
        if (File.Exists(log))
        {
            var transaction = new List<byte[]>();
            uint? current = null;
            foreach (var (_, page) in Pages(log))
            {
                if (page[4] > 4)
                {
                    continue;
                }
                var tx = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(TransactionIdOffset));
                if (current != tx)
                {
                    transaction.Clear();
                    current = tx;
                }
                transaction.Add(page);
                if (page[IsConfirmedOffset] == 1)
                {
                    foreach (var committed in transaction)
                    {
                        pages[BinaryPrimitives.ReadUInt32LittleEndian(committed)] = committed;
                    }
                    transaction.Clear();
                }
            }
        }
        return pages;
    }

    private static IEnumerable<(long Index, byte[] Page)> Pages(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, PageSize);
        for (long i = 0; (i + 1) * PageSize <= stream.Length; i++)
        {
            var page = new byte[PageSize];
            stream.ReadExactly(page);
            yield return (i, page);
        }
    }

    /// <summary>Each document whose blocks can all be read; a document with a damaged block is skipped.</summary>
    private static IEnumerable<BsonDocument> Documents(Dictionary<uint, byte[]> pages)
    {
        foreach (var (id, page) in pages.OrderBy(p => p.Key))
        {
            if (page[4] != DataPageType)
            {
                continue;
            }
            var highest = page[HighestIndexOffset];
            if (highest == byte.MaxValue)
            {
                continue;
            }
            for (var slot = 0; slot <= highest; slot++)
            {
                if (Block(page, slot) is not { } block || block.Extends)
                {
                    continue;
                }
                if (Assemble(pages, block) is { } bytes && Deserialize(bytes) is { } doc)
                {
                    yield return doc;
                }
            }
        }
    }

    private sealed record DataBlock(bool Extends, uint NextPage, byte NextSlot, byte[] Data);

    private static DataBlock? Block(byte[] page, int slot)
    {
        var slotAt = PageSize - (slot + 1) * 4;
        if (slotAt < HeaderSize)
        {
            return null;
        }
        var length = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(slotAt));
        var position = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(slotAt + 2));
        if (length < BlockHeaderSize || position < HeaderSize || position + length > slotAt)
        {
            return null;
        }
        var block = page.AsSpan(position, length);
        return new DataBlock(block[0] == 1, BinaryPrimitives.ReadUInt32LittleEndian(block[1..]), block[5], block[BlockHeaderSize..].ToArray());
    }

    private static byte[]? Assemble(Dictionary<uint, byte[]> pages, DataBlock first)
    {
        using var buffer = new MemoryStream();
        buffer.Write(first.Data);
        var block = first;
        for (var hops = 0; block.NextPage != uint.MaxValue; hops++)
        {
            if (hops > 100_000 || !pages.TryGetValue(block.NextPage, out var next) || next[4] != DataPageType || Block(next, block.NextSlot) is not { Extends: true } following)
            {
                return null;
            }
            buffer.Write(following.Data);
            block = following;
        }
        return buffer.ToArray();
    }

    private static BsonDocument? Deserialize(byte[] bytes)
    {
        try
        {
            // The BSON length prefix says how much of the last block is the document.
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes);
            return length >= 5 && length <= bytes.Length ? BsonSerializer.Deserialize(bytes.AsSpan(0, length).ToArray()) : null;
        }
        catch (Exception ex) when (ex is LiteException or ArgumentException or IndexOutOfRangeException or InvalidCastException or FormatException or OverflowException)
        {
            return null;
        }
    }
}
