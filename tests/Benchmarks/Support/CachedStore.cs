using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using GoWatch.Events.Store.LiteDb;

namespace GoWatch.Benchmarks.Support;

/// <summary>
/// The P4 store: generated through <see cref="LiteDbEventStore.AppendMany"/>, and kept under
/// /var/tmp keyed by the sources that decide its bytes (see <see cref="Key"/>) and its size, so
/// a later run with the same store code measures the same file without generating it again.
/// </summary>
public sealed record CachedStore(string Directory, int Events, double Seconds, DateTimeOffset GeneratedAt, bool Reused)
{
    public const int Batch = 1000;
    private const int GeneratorVersion = 1;
    private static readonly TimeSpan HistorySpan = TimeSpan.FromDays(365);

    public static string Root => Path.Combine(Path.GetTempPath() == "/tmp/" ? "/var/tmp" : Path.GetTempPath(), "gowatch-benchmarks");

    public string Describe() =>
        $"generated {(Reused ? $"on {GeneratedAt:yyyy-MM-dd HH:mm} UTC (reused)" : "in this run")} through AppendMany in {Seconds:0} s ({Events / Seconds:N0} events/s)";

    public static CachedStore Get(int events, bool fresh, StoreFiller filler)
    {
        var key = Key(events);
        var directory = Path.Combine(Root, $"p4-{events}-{key}");
        var meta = Path.Combine(directory, "generation.json");
        if (!fresh && File.Exists(meta))
        {
            var saved = JsonSerializer.Deserialize<Saved>(File.ReadAllText(meta))!;
            return new CachedStore(directory, events, saved.Seconds, saved.GeneratedAt, Reused: true);
        }

        var building = directory + ".building";
        if (System.IO.Directory.Exists(building))
        {
            System.IO.Directory.Delete(building, recursive: true);
        }
        System.IO.Directory.CreateDirectory(building);
        var clock = Stopwatch.StartNew();
        var time = new SteppingClock(DateTimeOffset.UtcNow - HistorySpan, HistorySpan / events);
        using (var store = LiteDbEventStore.Open(Path.Combine(building, "events.db"), Path.Combine(building, "gowatch.lock"), time))
        {
            filler.Fill(store, events, Batch, written =>
            {
                ForgetParsedExpressions();
                if (written % Math.Max(Batch, events / 20) == 0)
                {
                    Console.WriteLine($"P4   … {written:N0} events ({clock.Elapsed.TotalSeconds:0} s)");
                }
            });
        }
        clock.Stop();
        var generatedAt = DateTimeOffset.UtcNow;
        File.WriteAllText(Path.Combine(building, "generation.json"), JsonSerializer.Serialize(new Saved(clock.Elapsed.TotalSeconds, generatedAt)));
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        System.IO.Directory.Move(building, directory);
        return new CachedStore(directory, events, clock.Elapsed.TotalSeconds, generatedAt, Reused: false);
    }

    /// <summary>Copies the store files (not the lock) into a data dir, so measurements never touch the cached copy.</summary>
    public static void CopyInto(string from, string dataDir)
    {
        System.IO.Directory.CreateDirectory(dataDir);
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "events*.db"))
        {
            File.Copy(file, Path.Combine(dataDir, Path.GetFileName(file)), overwrite: true);
        }
    }

    /// <summary>
    /// What decides the stored bytes: the sources of the store and its LiteDB adapter, the event
    /// records and their serialisation, the LiteDB version, the generator and the size. Other parts of
    /// GoWatch.Events (the wire format of the local API, projections) may change freely.
    /// </summary>
    public static string Key(int events)
    {
        using var sha = SHA256.Create();
        var root = Path.Combine(RepoPaths.Root, "src");
        var sources = new[] { "Events/Store", "Events/Serialization", "Events/Model", "Events.LiteDb" }
            .SelectMany(d => System.IO.Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(new[] { "EventEnvelope.cs", "NewEvent.cs", "Streams.cs" }.Select(f => Path.Combine(root, "Events", f)).Where(File.Exists))
            .Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal);
        foreach (var relative in sources)
        {
            var name = System.Text.Encoding.UTF8.GetBytes(relative + "\n");
            sha.TransformBlock(name, 0, name.Length, null, 0);
            var bytes = File.ReadAllBytes(Path.Combine(root, relative));
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }
        var tail = System.Text.Encoding.UTF8.GetBytes($"{typeof(LiteDB.LiteDatabase).Assembly.GetName().Version}/{events}/{GeneratorVersion}");
        sha.TransformFinalBlock(tail, 0, tail.Length);
        return Convert.ToHexStringLower(sha.Hash!)[..16];
    }

    /// <summary>Empties LiteDB's static, unbounded caches of parsed expressions (see the P4 note).</summary>
    private static void ForgetParsedExpressions()
    {
        foreach (var field in typeof(LiteDB.BsonExpression).GetFields(BindingFlags.NonPublic | BindingFlags.Static))
        {
            if (field.Name.StartsWith("_cache", StringComparison.Ordinal) && field.GetValue(null) is System.Collections.IDictionary cache)
            {
                cache.Clear();
            }
        }
    }

    private sealed record Saved(double Seconds, DateTimeOffset GeneratedAt);
}
