namespace GoWatch.EndToEnd.Tests.Support;

/// <summary>Where the real gowatchd and gowatch assemblies were built, for the same configuration as these tests.</summary>
public static class BuiltApps
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static readonly string Configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>gowatchd.dll of the build, or a native gowatchd named by <c>GOWATCH_TEST_DAEMON</c> (to run these tests against an AOT publish).</summary>
    public static string Daemon => System.Environment.GetEnvironmentVariable("GOWATCH_TEST_DAEMON") is { Length: > 0 } native
        ? native
        : Path.Combine(RepoRoot, "src", "Daemon", "bin", Configuration, "net10.0", "gowatchd.dll");
    /// <summary>gowatch.dll of the build, or a native gowatch named by <c>GOWATCH_TEST_CLI</c>.</summary>
    public static string Cli => System.Environment.GetEnvironmentVariable("GOWATCH_TEST_CLI") is { Length: > 0 } native
        ? native
        : Path.Combine(RepoRoot, "src", "Cli", "bin", Configuration, "net10.0", "gowatch.dll");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GoWatch.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("GoWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
