namespace GoWatch.Benchmarks.Support;

/// <summary>The repository and the Release builds of gowatchd and gowatch the benchmarks start.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DaemonOutput => Path.Combine(Root, "src", "Daemon", "bin", "Release", "net10.0");
    public static string CliOutput => Path.Combine(Root, "src", "Cli", "bin", "Release", "net10.0");
    public static string CliProject => Path.Combine(Root, "src", "Cli", "Cli.csproj");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GoWatch.sln")))
            {
                return dir.FullName;
            }
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GoWatch.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("GoWatch.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// A private copy of the Release outputs, taken once at start, so that a rebuild by someone
/// else during a long run cannot swap the binaries under a measurement.
/// </summary>
public sealed class Apps : IDisposable
{
    private Apps(string root)
    {
        Root = root;
    }

    public string Root { get; }
    public string Daemon => Path.Combine(Root, "daemon", "gowatchd.dll");
    public string Cli => Path.Combine(Root, "cli", "gowatch.dll");

    public static Apps Snapshot()
    {
        foreach (var (dir, dll) in new[] { (RepoPaths.DaemonOutput, "gowatchd.dll"), (RepoPaths.CliOutput, "gowatch.dll") })
        {
            if (!File.Exists(Path.Combine(dir, dll)))
            {
                throw new InvalidOperationException($"{Path.Combine(dir, dll)} is missing: run `dotnet build -c Release GoWatch.sln` first.");
            }
        }
        var root = Directory.CreateTempSubdirectory("gowatch-bench-apps-").FullName;
        Copy(RepoPaths.DaemonOutput, Path.Combine(root, "daemon"));
        Copy(RepoPaths.CliOutput, Path.Combine(root, "cli"));
        return new Apps(root);
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file));
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
