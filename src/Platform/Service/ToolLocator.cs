namespace GoWatch.Platform.Service;

/// <summary>
/// Finds command-line tools (<c>launchctl</c>, <c>systemctl</c>, <c>osascript</c>, …) on a search
/// path. The path is a value rather than the process environment, so tests can put recording
/// shims first without touching <c>PATH</c> and still run in parallel.
/// </summary>
public sealed class ToolLocator
{
    /// <summary>Searches <paramref name="directories"/> in order; relative and empty entries are ignored.</summary>
    public ToolLocator(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        // An empty or relative PATH entry means "the current directory": never run a tool from there.
        Directories = directories.Where(d => d.Length > 0 && Path.IsPathFullyQualified(d)).ToArray();
    }

    /// <summary>The directories searched, in order.</summary>
    public IReadOnlyList<string> Directories { get; }

    /// <summary>A locator over the current process's <c>PATH</c>.</summary>
    public static ToolLocator FromEnvironment() => FromPathVariable(Environment.GetEnvironmentVariable("PATH"));

    /// <summary>A locator over a <c>PATH</c>-style value (entries separated by <see cref="Path.PathSeparator"/>).</summary>
    public static ToolLocator FromPathVariable(string? path) =>
        new((path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The absolute path of the first executable file named <paramref name="tool"/>, or null.</summary>
    public string? Find(string tool)
    {
        ArgumentException.ThrowIfNullOrEmpty(tool);
        if (tool.Contains('/') || tool.Contains(Path.DirectorySeparatorChar))
        {
            throw new ArgumentException($"'{tool}' must be a bare tool name, not a path.", nameof(tool));
        }
        foreach (var directory in Directories)
        {
            var candidate = Path.Combine(directory, tool);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        if (OperatingSystem.IsWindows())
        {
            return true;
        }
        try
        {
            const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            return (File.GetUnixFileMode(path) & anyExecute) != 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
