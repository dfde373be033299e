namespace GoWatch.Platform.FileSystem;

/// <summary>
/// Homebrew keeps each version of a formula in <c>PREFIX/Cellar/NAME/VERSION</c> and deletes it
/// at the next <c>brew upgrade</c>; <c>PREFIX/opt/NAME</c> is the link that follows upgrades. A
/// path written into a service file or a config must be the <c>opt</c> one, never the Cellar's.
/// </summary>
public static class HomebrewPaths
{
    /// <summary>
    /// <c>PREFIX/Cellar/NAME/VERSION/REST</c> as <c>PREFIX/opt/NAME/REST</c> when that exists;
    /// any other path as it is.
    /// </summary>
    public static string Stable(string path) => Stable(path, p => File.Exists(p) || Directory.Exists(p));

    public static string Stable(string path, Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(path);
        var cellar = path.IndexOf("/Cellar/", StringComparison.Ordinal);
        if (cellar < 0)
        {
            return path;
        }
        var prefix = path[..cellar];
        var parts = path[(cellar + "/Cellar/".Length)..].Split('/');
        if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return path;
        }
        var stable = string.Join('/', new[] { prefix, "opt", parts[0] }.Concat(parts.Skip(2)));
        return exists(stable) ? stable : path;
    }
}
