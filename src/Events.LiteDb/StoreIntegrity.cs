using System.Buffers.Binary;
using System.Text;

namespace GoWatch.Events.Store.LiteDb;

/// <summary>
/// A cheap scan of a LiteDB 5 store file, page header by page header, that finds what LiteDB
/// itself only trips over later (it reads a page when a query reaches it and then fails with
/// "Page type must be data page"). Every page starts with its own number and a type: a page whose
/// header says otherwise was overwritten. Reads only: the file is never opened for writing.
/// </summary>
public static class StoreIntegrity
{
    public const int PageSize = 8192;

    // LiteDB 5's page header: page id (uint32) at 0, page type (byte) at 4; the header page
    // carries "** This is a LiteDB file **" right after the 32-byte header.
    private const int PageTypeOffset = 4;
    private const int HeaderInfoOffset = 32;
    private const byte HighestPageType = 4;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>The damage found in the store at <paramref name="path"/> and its log file; empty when sound.</summary>
    public static IReadOnlyList<string> Scan(string path)
    {
        var problems = new List<string>();
        ScanFile(path, isLog: false, problems);
        var log = LiteDbEventStore.LogFilePath(path);
        if (File.Exists(log))
        {
            ScanFile(log, isLog: true, problems);
        }
        return problems;
    }

    /// <summary>
    /// <see cref="Scan"/>, skipped when the store and its log are exactly as they were when last
    /// found sound: the same length and modification time, kept in a stamp file beside them. A
    /// million-event store is 1.4 GB, and reading it whole made every command that opens the store
    /// cost 200 ms; any write since the scan (LiteDB's own, or bytes written into the file) changes
    /// the modification time, and the next open scans again.
    /// </summary>
    public static IReadOnlyList<string> ScanUnlessUnchanged(string path)
    {
        var stamp = StampPath(path);
        var state = StateOf(path);
        try
        {
            if (File.Exists(stamp) && File.ReadAllText(stamp) == state)
            {
                return [];
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable stamp only costs a scan.
        }
        var problems = Scan(path);
        if (problems.Count == 0)
        {
            try
            {
                File.WriteAllText(stamp, state);
                File.SetUnixFileMode(stamp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A read-only data dir: the next open scans again.
            }
        }
        return problems;
    }

    /// <summary>The stamp of the last clean scan of the store at <paramref name="path"/>.</summary>
    public static string StampPath(string path) => path + ".sound";

    private static string StateOf(string path) =>
        string.Join(";", new[] { path, LiteDbEventStore.LogFilePath(path) }.Select(f =>
        {
            var info = new FileInfo(f);
            return info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : "-";
        }));

    private static void ScanFile(string file, bool isLog, List<string> problems)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, PageSize);
        var name = Path.GetFileName(file);
        if (stream.Length % PageSize != 0)
        {
            problems.Add($"{name} is truncated ({stream.Length} bytes is not a whole number of {PageSize}-byte pages)");
        }
        var pages = stream.Length / PageSize;
        var page = new byte[PageSize];
        for (long i = 0; i < pages; i++)
        {
            stream.Position = i * PageSize;
            stream.ReadExactly(page);
            var id = BinaryPrimitives.ReadUInt32LittleEndian(page);
            var type = page[PageTypeOffset];
            if (type > HighestPageType)
            {
                problems.Add($"{name} page {i} is not a LiteDB page (type byte {type})");
            }
            else if (!isLog && id != i)
            {
                problems.Add($"{name} page {i} is not a LiteDB page (it names itself page {id})");
            }
            else if (!isLog && i == 0 && (type != 1 || !page.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo)))
            {
                problems.Add($"{name} does not start with a LiteDB header page");
            }
            if (problems.Count >= 20)
            {
                problems.Add("(further damage not listed)");
                return;
            }
        }
    }
}
