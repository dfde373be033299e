using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using GoWatch.Benchmarks.Support;
using GoWatch.Events.Store.LiteDb;

namespace GoWatch.Benchmarks.Bars;

/// <summary>
/// P6: 1,000 revisions of a 4 KB rc file (one or two lines changed each time) stored as blobs
/// with <c>Put</c>, against a git repository holding the same revisions after
/// <c>git gc --aggressive</c>.
/// </summary>
public sealed class P6Space : IBar
{
    public string Id => "P6";
    public string Title => "1,000 revisions of a 4 KB rc file";
    public string Target => "store growth ≤ 1.0× a `git gc --aggressive`'d repository of the same revisions";

    public void Run(BenchContext context, BarResult result)
    {
        var count = context.Quick ? 200 : 1000;
        var random = new Random(6);
        var revisions = new List<byte[]> { Encoding.UTF8.GetBytes(RcFiles.Generate(random, 4096)) };
        while (revisions.Count < count)
        {
            revisions.Add(Encoding.UTF8.GetBytes(RcFiles.Edit(random, Encoding.UTF8.GetString(revisions[^1]))));
        }
        var distinct = revisions.Select(Hashing.Sha256).Distinct().Count();
        result.Parameters = $"{count:N0} revisions ({distinct:N0} distinct) of a generated ~/.zshrc of {revisions[0].Length:N0} bytes, each changing one or two lines; store growth = events.db + events-log.db after closing minus an empty store; git: `git init --template=` (no sample hooks), all revisions committed through `git fast-import`, then `git gc --aggressive --prune=now`, size by `du -sb .git`";

        var dir = Directory.CreateTempSubdirectory("gowatch-bench-p6-").FullName;
        try
        {
            // GoWatch: an empty store, then every revision through Put.
            var storePath = Path.Combine(dir, "store", "events.db");
            var lockPath = Path.Combine(dir, "store", "gowatch.lock");
            LiteDbEventStore.Open(storePath, lockPath).Dispose();
            var empty = P4HistoryQueries.StoreSize(storePath);
            var put = Stopwatch.StartNew();
            using (var store = LiteDbEventStore.Open(storePath, lockPath))
            {
                foreach (var revision in revisions)
                {
                    store.Put(revision);
                }
            }
            put.Stop();
            var growth = P4HistoryQueries.StoreSize(storePath) - empty;

            // Every revision reads back exactly, from a reopened store.
            var mismatches = 0;
            var get = Stopwatch.StartNew();
            using (var store = LiteDbEventStore.Open(storePath, lockPath))
            {
                foreach (var revision in revisions)
                {
                    if (store.Get(Hashing.Sha256(revision)) is not { } back || !back.AsSpan().SequenceEqual(revision))
                    {
                        mismatches++;
                    }
                }
            }
            get.Stop();

            var git = GitSize(Path.Combine(dir, "git"), revisions);
            var ratio = growth / (double)git.Total;
            result.AtMost("store growth ÷ git", ratio, 1.0, "×", "0.00");
            result.Add("GoWatch store growth", $"{Stats.Bytes(growth)} ({growth:N0} bytes)");
            result.Add("git repository (.git after gc --aggressive)", $"{Stats.Bytes(git.Total)} ({git.Total:N0} bytes; pack {git.Pack:N0} bytes)");
            result.Add("revisions read back exactly", $"{count - mismatches} of {count}", $"all {count}", mismatches == 0 ? Verdict.Pass : Verdict.Miss);
            result.Add("Put / Get time", $"Put {put.Elapsed.TotalMilliseconds / count:0.00} ms per revision, Get {get.Elapsed.TotalMilliseconds / count:0.00} ms per revision");
            var raw = revisions.Sum(r => (long)r.Length);
            var brotli = revisions.Sum(r => (long)BrotliSize(r));
            result.Add("reference: raw revisions / each Brotli-compressed alone", $"{Stats.Bytes(raw)} / {Stats.Bytes(brotli)} (a full snapshot per revision stores at least the latter)");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int BrotliSize(byte[] content)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(content);
        }
        return (int)output.Length;
    }

    private static (long Total, long Pack) GitSize(string repo, IReadOnlyList<byte[]> revisions)
    {
        GitRepository.Create(repo, revisions);
        GitRepository.Git(repo, null, "gc", "--aggressive", "--prune=now", "-q");
        var gitDir = Path.Combine(repo, ".git");
        var du = Process.Start(new ProcessStartInfo("du", ["-sb", gitDir]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var total = long.Parse(du.StandardOutput.ReadToEnd().Split('\t')[0], System.Globalization.CultureInfo.InvariantCulture);
        du.WaitForExit();
        var pack = Directory.EnumerateFiles(Path.Combine(gitDir, "objects", "pack"), "*.pack").Sum(f => new FileInfo(f).Length);
        return (total, pack);
    }
}
