using GoWatch.Platform.Security;

namespace GoWatch.Checks.Probes;

/// <summary>Path helpers that never throw on broken links, loops or unreadable directories.</summary>
internal static class FileSystemPaths
{
    private const int MaxLinks = 40;

    /// <summary>The path with every symlink in every component resolved (like <c>realpath</c>); the input when that fails.</summary>
    public static string RealPath(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var parts = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var current = "/";
            var hops = 0;
            var queue = new Queue<string>(parts);
            while (queue.Count > 0)
            {
                var part = queue.Dequeue();
                if (part == ".")
                {
                    continue;
                }
                if (part == "..")
                {
                    current = Path.GetDirectoryName(current) ?? "/";
                    continue;
                }
                var next = Path.Combine(current, part);
                var info = new FileInfo(next);
                if (info.LinkTarget is { } target)
                {
                    if (++hops > MaxLinks)
                    {
                        return full;
                    }
                    var absolute = target.StartsWith('/') ? target : Path.Combine(current, target);
                    var rest = queue.ToArray();
                    queue = new Queue<string>(absolute.Split('/', StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                    current = "/";
                    continue;
                }
                current = next;
            }
            return current;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return path;
        }
    }

    /// <summary>Two paths name the same place once symlinks are resolved.</summary>
    public static bool SamePlace(string a, string b) =>
        string.Equals(Normalize(RealPath(a)), Normalize(RealPath(b)), StringComparison.Ordinal);

    /// <summary><paramref name="inner"/> is <paramref name="outer"/> or lies inside it.</summary>
    public static bool IsInside(string inner, string outer)
    {
        var i = Normalize(RealPath(inner));
        var o = Normalize(RealPath(outer));
        return i == o || i.StartsWith(o == "/" ? "/" : o + "/", StringComparison.Ordinal);
    }

    /// <summary>Drops trailing slashes so <c>/usr/bin/</c> equals <c>/usr/bin</c>.</summary>
    public static string Normalize(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    /// <summary>A regular file (after links) with an execute bit.</summary>
    public static bool IsExecutableFile(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }
            var mode = File.GetUnixFileMode(path);
            return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The first executable <paramref name="name"/> in PATH order, as execvp would pick it; relative entries are skipped.</summary>
    public static string? FindOnPath(string name, IEnumerable<string> pathEntries)
    {
        foreach (var entry in pathEntries)
        {
            if (entry.Length == 0 || !entry.StartsWith('/'))
            {
                continue;
            }
            var candidate = Path.Combine(entry, name);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>First line of a small text file, or null.</summary>
    public static string? FirstLine(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            using var reader = new StreamReader(path);
            var line = reader.ReadLine();
            return string.IsNullOrWhiteSpace(line) ? null : line.Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Line <paramref name="line"/> (1-based) of a file, or null.</summary>
    public static string? ReadLine(string path, int line)
    {
        try
        {
            if (line < 1 || !File.Exists(path))
            {
                return null;
            }
            // A FIFO or device here must not block or flood the checks: only a regular file is
            // opened, and at most 4 MiB of it is read to find the line.
            using var reader = new StreamReader(new BoundedStream(RegularFile.OpenRead(path), 4 * 1024 * 1024));
            string? text = null;
            for (var i = 0; i < line; i++)
            {
                if ((text = reader.ReadLine()) is null)
                {
                    return null;
                }
            }
            return text?.Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Subdirectories matching a pattern, sorted, empty when the parent is missing or unreadable.</summary>
    public static IReadOnlyList<string> Directories(string parent, string pattern)
    {
        try
        {
            return Directory.Exists(parent)
                ? Directory.GetDirectories(parent, pattern).Order(StringComparer.Ordinal).ToList()
                : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
