namespace GoWatch.Recording.Catalogue;

/// <summary>
/// One entry of the watch catalogue: a single file, or every file in <see cref="Directory"/>
/// matching <see cref="Pattern"/> (e.g. <c>conf.d/*.fish</c>).
/// </summary>
public sealed record WatchTarget(string Directory, string? FileName, string? Pattern, string FileClass, bool Revertible)
{
    /// <summary>A change to this file changes what is watched (GoLand's <c>recentProjects.xml</c>).</summary>
    public bool RebuildsCatalogue { get; init; }

    public static WatchTarget File(string path, string fileClass, bool revertible) =>
        new(Path.GetDirectoryName(path)!, Path.GetFileName(path), null, fileClass, revertible);

    public static WatchTarget Glob(string directory, string pattern, string fileClass, bool revertible) =>
        new(directory, null, pattern, fileClass, revertible);

    /// <summary>
    /// True when <paramref name="path"/> is this file or matches this glob. Compared as spans: the
    /// watchers ask for every event of a burst, and must not build strings to answer.
    /// </summary>
    public bool Matches(string path)
    {
        if (!ParentOf(path).SequenceEqual(Directory))
        {
            return false;
        }
        var name = Path.GetFileName(path.AsSpan());
        return FileName is not null
            ? name.SequenceEqual(FileName)
            : System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(Pattern!, name, ignoreCase: false);
    }

    /// <summary>
    /// <see cref="Path.GetDirectoryName(string)"/> without building a string; like it, doubled
    /// separators are collapsed (then, rarely, a string is built).
    /// </summary>
    internal static ReadOnlySpan<char> ParentOf(string path) =>
        path.Contains("//", StringComparison.Ordinal) ? Path.GetDirectoryName(path) : Path.GetDirectoryName(path.AsSpan());

    /// <summary>The files this target names right now (a glob is expanded against the directory).</summary>
    public IEnumerable<string> CurrentPaths()
    {
        if (FileName is not null)
        {
            return [Path.Combine(Directory, FileName)];
        }
        try
        {
            return System.IO.Directory.Exists(Directory)
                ? System.IO.Directory.EnumerateFiles(Directory, Pattern!, new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 }).ToList()
                : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
