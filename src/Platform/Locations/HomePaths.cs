namespace GoWatch.Platform.Locations;

/// <summary>Paths as people read and type them: <c>~</c> for HOME.</summary>
public static class HomePaths
{
    public static string Tilde(string path, string home)
    {
        var root = home.TrimEnd('/');
        // An unknown HOME (empty) or HOME=/ would put "~" in front of every absolute path.
        if (root.Length == 0)
        {
            return path;
        }
        return path == home || path == root ? "~" : path.StartsWith(root + "/", StringComparison.Ordinal) ? "~" + path[root.Length..] : path;
    }

    /// <summary>Expands <c>~/</c> and makes a path absolute, so <c>--path ~/.zshrc</c> matches what the daemon stored.</summary>
    public static string Expand(string path, string home) =>
        Path.GetFullPath(path == "~" ? home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..]) : path);
}
