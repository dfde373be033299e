using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Events.Tests.Support;
using LiteDB;

namespace GoWatch.Events.Tests.Store;

/// <summary>
/// File snapshots are stored as deltas against an earlier snapshot where that is smaller: every
/// revision must still read back byte for byte (from a reopened store, with nothing cached), a
/// chain must stay bounded, and a delta whose base is gone or damaged must fail, never return
/// wrong bytes.
/// </summary>
public sealed class SnapshotBlobTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string StorePath => _dir.Combine("data", "events.db");
    private string LockPath => _dir.Combine("data", "gowatch.lock");

    public void Dispose() => _dir.Dispose();

    private LiteDbEventStore Open() => LiteDbEventStore.Open(StorePath, LockPath);

    /// <summary>Revisions of an rc file, each changing a line or two of the one before.</summary>
    private static List<byte[]> Revisions(int count, int seed = 1)
    {
        var random = new Random(seed);
        var lines = Enumerable.Range(0, 120).Select(i => $"export VAR_{i}=\"/opt/tool{i}/bin:$PATH\"  # line {i}").ToList();
        var revisions = new List<byte[]>();
        for (var r = 0; r < count; r++)
        {
            revisions.Add(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
            lines[random.Next(lines.Count)] = $"alias r{r}='go run ./cmd/{random.Next(1000)}'";
            if (random.Next(3) == 0)
            {
                lines.Insert(random.Next(lines.Count), $"# revision {r}");
            }
        }
        return revisions;
    }

    private List<BsonDocument> BlobDocuments()
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = StorePath, Connection = ConnectionType.Direct, ReadOnly = true });
        return db.GetCollection("blobs").FindAll().ToList();
    }

    private void EditBlobs(Action<ILiteCollection<BsonDocument>> edit)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = StorePath, Connection = ConnectionType.Direct });
        edit(db.GetCollection("blobs"));
    }

    [Fact]
    public void Every_revision_reads_back_exactly_from_a_reopened_store()
    {
        var revisions = Revisions(130);
        var shas = new List<string>();
        using (var store = Open())
        {
            shas.AddRange(revisions.Select(r => store.Put(r)));
        }

        using var reopened = Open();
        // Newest first and oldest first: neither order may depend on what the other read left in memory.
        for (var i = revisions.Count - 1; i >= 0; i--)
        {
            Assert.Equal(revisions[i], reopened.Get(shas[i]));
        }
        for (var i = 0; i < revisions.Count; i++)
        {
            Assert.Equal(revisions[i], reopened.Get(shas[i]));
            Assert.Equal(LiteDbEventStore.Sha256Hex(revisions[i]), shas[i]);
        }
    }

    [Fact]
    public void Revisions_are_stored_as_deltas_in_chains_no_deeper_than_the_limit()
    {
        var revisions = Revisions(130);
        using (var store = Open())
        {
            foreach (var r in revisions)
            {
                store.Put(r);
            }
        }

        var docs = BlobDocuments();
        var deltas = docs.Where(d => d["enc"].AsString.StartsWith("delta", StringComparison.Ordinal)).ToList();
        Assert.Equal(130, docs.Count);
        Assert.True(deltas.Count >= 120, $"{deltas.Count} of 130 revisions stored as deltas");
        Assert.All(deltas, d => Assert.InRange(d["depth"].AsInt32, 1, LiteDbEventStore.SnapshotChainLimit));
        // Past the limit a chain starts again from a whole snapshot.
        Assert.True(docs.Count(d => d["enc"].AsString is "br" or "raw") >= 130 / (LiteDbEventStore.SnapshotChainLimit + 1));
        // A delta of a one- or two-line change is a small fraction of the ~5 KB file.
        Assert.True(deltas.Average(d => d["data"].AsBinary.Length) < 300, $"average delta {deltas.Average(d => d["data"].AsBinary.Length):0} bytes");
    }

    [Fact]
    public void A_delta_chain_continues_from_a_snapshot_read_back_after_a_restart()
    {
        var revisions = Revisions(3);
        string first;
        using (var store = Open())
        {
            first = store.Put(revisions[0]);
        }
        using (var store = Open())
        {
            // The recorder reads a file's last snapshot before storing the next one.
            Assert.Equal(revisions[0], store.Get(first));
            store.Put(revisions[1]);
        }

        var second = BlobDocuments().Single(d => Hex(d["_id"]) == LiteDbEventStore.Sha256Hex(revisions[1]));
        Assert.StartsWith("delta", second["enc"].AsString, StringComparison.Ordinal);
        Assert.Equal(first, Hex(second["base"]));
    }

    [Fact]
    public void Any_bytes_survive_a_delta_exactly()
    {
        var random = new Random(3);
        var binary = new byte[6000];
        random.NextBytes(binary);
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => $"line {i}\r\n")));
        var invalidUtf8 = text.Concat(new byte[] { 0xC3, 0x28, 0xFF, 0x00, 0xFE }).ToArray();
        var variants = new List<byte[]>
        {
            binary,
            binary[..3000].Concat(new byte[] { 1, 2, 3 }).Concat(binary[3000..]).ToArray(),
            text,
            invalidUtf8,
            invalidUtf8[..^20],
            Array.Empty<byte>(),
            new byte[] { 0x0A },
            text[..15],
            text.Reverse().ToArray(),
        };
        var shas = new List<string>();
        using (var store = Open())
        {
            shas.AddRange(variants.Select(v => store.Put(v)));
            for (var i = 0; i < variants.Count; i++)
            {
                Assert.Equal(variants[i], store.Get(shas[i]));
            }
        }
        using var reopened = Open();
        for (var i = 0; i < variants.Count; i++)
        {
            Assert.Equal(variants[i], reopened.Get(shas[i]));
        }
    }

    [Fact]
    public void A_delta_whose_base_is_missing_is_an_error_not_garbage()
    {
        var revisions = Revisions(2);
        string baseSha, deltaSha;
        using (var store = Open())
        {
            baseSha = store.Put(revisions[0]);
            deltaSha = store.Put(revisions[1]);
        }
        Assert.Equal(baseSha, Hex(BlobDocuments().Single(d => Hex(d["_id"]) == deltaSha)["base"]));
        EditBlobs(blobs => blobs.Delete(new BsonValue(Convert.FromHexString(baseSha))));

        using var reopened = Open();
        var ex = Assert.Throws<StoreUnavailableException>(() => reopened.Get(deltaSha));
        Assert.Contains(baseSha, ex.Message);
        Assert.Contains("missing", ex.Message);
        Assert.Null(reopened.Get(baseSha));
    }

    [Fact]
    public void A_damaged_delta_is_an_error_not_garbage()
    {
        var revisions = Revisions(2);
        string deltaSha;
        using (var store = Open())
        {
            store.Put(revisions[0]);
            deltaSha = store.Put(revisions[1]);
        }
        EditBlobs(blobs =>
        {
            var doc = blobs.FindById(new BsonValue(Convert.FromHexString(deltaSha)));
            // Store the delta uncompressed and flip one inserted byte: it still applies, to the wrong content.
            var delta = doc["enc"].AsString == "delta+br" ? Decompress(doc["data"].AsBinary) : doc["data"].AsBinary;
            delta[^1] ^= 0x20;
            doc["enc"] = "delta";
            doc["data"] = delta;
            blobs.Update(doc);
        });

        using var reopened = Open();
        var ex = Assert.Throws<StoreUnavailableException>(() => reopened.Get(deltaSha));
        Assert.Contains(deltaSha, ex.Message);
    }

    [Fact]
    public void A_truncated_delta_is_an_error_not_garbage()
    {
        var revisions = Revisions(2);
        string deltaSha;
        using (var store = Open())
        {
            store.Put(revisions[0]);
            deltaSha = store.Put(revisions[1]);
        }
        EditBlobs(blobs =>
        {
            var doc = blobs.FindById(new BsonValue(Convert.FromHexString(deltaSha)));
            var delta = doc["enc"].AsString == "delta+br" ? Decompress(doc["data"].AsBinary) : doc["data"].AsBinary;
            doc["enc"] = "delta";
            doc["data"] = delta[..^10];
            blobs.Update(doc);
        });

        using var reopened = Open();
        Assert.Throws<StoreUnavailableException>(() => reopened.Get(deltaSha));
    }

    [Fact]
    public void Whole_snapshots_written_before_deltas_existed_still_read_back()
    {
        var content = Revisions(1)[0];
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        Open().Dispose();
        EditBlobs(blobs => blobs.Insert(new BsonDocument { ["_id"] = sha, ["size"] = content.Length, ["enc"] = "br", ["data"] = Compress(content) }));

        string nextSha;
        using (var store = Open())
        {
            Assert.Equal(content, store.Get(sha));
            Assert.True(store.Contains(sha));
            // And it serves as the base of the next revision.
            nextSha = store.Put(Revisions(2)[1]);
        }
        Assert.Equal(sha, Hex(BlobDocuments().Single(d => Hex(d["_id"]) == nextSha)["base"]));
    }

    [Fact]
    public void Snapshot_ids_and_bases_are_kept_as_their_32_bytes()
    {
        var revisions = Revisions(2);
        string baseSha, deltaSha;
        using (var store = Open())
        {
            baseSha = store.Put(revisions[0]);
            deltaSha = store.Put(revisions[1]);
        }
        var docs = BlobDocuments();
        Assert.All(docs, d => Assert.Equal(32, d["_id"].AsBinary.Length));
        var delta = docs.Single(d => Hex(d["_id"]) == deltaSha);
        Assert.Equal(Convert.FromHexString(baseSha), delta["base"].AsBinary);
    }

    [Fact]
    public void A_delta_chain_written_with_hex_ids_still_reads_back_and_grows()
    {
        // The form of stores written before ids were binary: hex text in _id and base.
        var revisions = Revisions(3);
        var baseSha = Convert.ToHexStringLower(SHA256.HashData(revisions[0]));
        var deltaSha = Convert.ToHexStringLower(SHA256.HashData(revisions[1]));
        using (var store = Open())
        {
            store.Put(revisions[0]);
            store.Put(revisions[1]);
        }
        EditBlobs(blobs =>
        {
            foreach (var doc in blobs.FindAll().ToList())
            {
                blobs.Delete(doc["_id"]);
                doc["_id"] = Hex(doc["_id"]);
                if (doc.TryGetValue("base", out var b))
                {
                    doc["base"] = Hex(b);
                }
                blobs.Insert(doc);
            }
        });
        Assert.Equal(deltaSha, BlobDocuments().Single(d => d["_id"].IsString && d["base"].IsString)["_id"].AsString);

        using var reopened = Open();
        Assert.Equal(revisions[1], reopened.Get(deltaSha));
        Assert.Equal(revisions[0], reopened.Get(baseSha));
        Assert.True(reopened.Contains(deltaSha));
        // Storing a hex-keyed snapshot again adds nothing; a new revision deltas against it.
        Assert.Equal(deltaSha, reopened.Put(revisions[1]));
        var third = reopened.Put(revisions[2]);
        Assert.Equal(revisions[2], reopened.Get(third));
        Assert.Equal(3, BlobDocuments().Count);
    }

    private static string Hex(BsonValue key) => key.IsBinary ? Convert.ToHexStringLower(key.AsBinary) : key.AsString;

    private static byte[] Compress(byte[] content)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(content);
        }
        return output.ToArray();
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
