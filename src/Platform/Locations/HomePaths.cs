namespace GoWatch.Platform.Locations;

/// <summary>Paths as people read and type them: <c>~</c> for HOME.</summary>
public static class HomePaths
{
    public static string Tilde(string path, string home) =>
        path == home ? "~" : path.StartsWith(home.TrimEnd('/') + "/", StringComparison.Ordinal) ? "~" + path[home.TrimEnd('/').Length..] : path;

    /// <summary>Expands <c>~/</c> and makes a path absolute, so <c>--path ~/.zshrc</c> matches what the daemon stored.</summary>
    public static string Expand(string path, string home) =>
        Path.GetFullPath(path == "~" ? home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..]) : path);
}
