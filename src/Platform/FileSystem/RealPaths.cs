namespace GoWatch.Platform.FileSystem;

/// <summary>
/// Symlink resolution done by hand, component by component, so it also works for paths whose
/// last component does not exist yet (a deleted file to recreate), and never loops.
/// </summary>
public static class RealPaths
{
    private const int MaxLinks = 40;

    /// <summary>The path with every symlink resolved, the last component included.</summary>
    /// <exception cref="IOException">a symlink loop, or more than 40 links.</exception>
    public static string Resolve(string path)
    {
        var links = 0;
        return Resolve(path, ref links);
    }

    /// <summary>The path with its directories resolved but its last component kept as it is (a symlink stays a symlink).</summary>
    public static string Locate(string path)
    {
        var directory = Path.GetDirectoryName(path);
        return directory is null ? path : Path.Combine(Resolve(directory), Path.GetFileName(path));
    }

    private static string Resolve(string path, ref int links)
    {
        var result = "/";
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                result = Path.GetDirectoryName(result) ?? "/";
                continue;
            }
            var next = Path.Combine(result, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"too many levels of symbolic links at {next}");
                }
                next = Resolve(Path.IsPathRooted(target) ? target : Path.Combine(result, target), ref links);
            }
            result = next;
        }
        return result;
    }
}
