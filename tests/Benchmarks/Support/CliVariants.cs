using System.Diagnostics;

namespace GoWatch.Benchmarks.Support;

/// <summary>
/// The ways gowatch can be started, for the start-up bars: the Release build output as it is
/// (`dotnet gowatch.dll`, or its apphost), and `dotnet publish` outputs with and without
/// ReadyToRun, with runtime knobs set through DOTNET_* variables. The publishes are made from a
/// copy of the sources, so nobody's obj/ folders are touched.
/// </summary>
public sealed class CliVariants : IDisposable
{
    private readonly string _root;

    private CliVariants(string root, IReadOnlyList<Launcher> launchers, IReadOnlyList<string> problems)
    {
        _root = root;
        Launchers = launchers;
        Problems = problems;
    }

    /// <summary>The first launcher is the one the bars are judged on: the Release build output as it is.</summary>
    public IReadOnlyList<Launcher> Launchers { get; }
    public Launcher Primary => Launchers[0];
    public IReadOnlyList<string> Problems { get; }

    public static CliVariants Prepare(Apps apps)
    {
        var root = Directory.CreateTempSubdirectory("gowatch-bench-publish-").FullName;
        var noPgo = new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" };
        var launchers = new List<Launcher>
        {
            Launcher.Dotnet("build output, `dotnet gowatch.dll` (JIT)", apps.Cli),
            Launcher.Dotnet("build output, `dotnet gowatch.dll`, DOTNET_TieredPGO=0", apps.Cli, noPgo),
        };
        var apphost = Path.Combine(Path.GetDirectoryName(apps.Cli)!, "gowatch");
        if (File.Exists(apphost))
        {
            launchers.Add(Launcher.AppHost("build output, apphost `gowatch` (JIT)", apphost));
        }
        var problems = new List<string>();
        var sources = Path.Combine(root, "src-copy");
        CopySources(sources);
        foreach (var (name, r2r) in new[] { ("jit", false), ("r2r", true) })
        {
            var output = Path.Combine(root, name);
            var publish = Publish(sources, output, r2r);
            if (publish is not null)
            {
                problems.Add(publish);
                continue;
            }
            var exe = Path.Combine(output, "gowatch");
            if (r2r)
            {
                launchers.Add(Launcher.AppHost("publish -r linux-x64, ReadyToRun, apphost", exe));
                launchers.Add(Launcher.AppHost("publish -r linux-x64, ReadyToRun, apphost, DOTNET_TieredPGO=0", exe, noPgo));
                launchers.Add(Launcher.AppHost("publish -r linux-x64, ReadyToRun, apphost, DOTNET_TieredCompilation=0", exe, new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" }));
            }
            else
            {
                launchers.Add(Launcher.AppHost("publish -r linux-x64, no ReadyToRun, apphost", exe));
            }
        }
        return new CliVariants(root, launchers, problems);
    }

    private static void CopySources(string to)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config" })
        {
            var from = Path.Combine(RepoPaths.Root, file);
            if (File.Exists(from))
            {
                Directory.CreateDirectory(to);
                File.Copy(from, Path.Combine(to, file));
            }
        }
        // src/ and launchd/ (the platform library embeds the service templates).
        foreach (var folder in new[] { "src", "launchd" })
        {
            var from = Path.Combine(RepoPaths.Root, folder);
            if (!Directory.Exists(from))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts.Contains("bin") || parts.Contains("obj"))
                {
                    continue;
                }
                var target = Path.Combine(to, folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    /// <summary>Publishes the CLI; returns null on success, else what went wrong.</summary>
    private static string? Publish(string sources, string output, bool readyToRun)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = sources,
        };
        foreach (var a in new[] { "publish", Path.Combine(sources, "src", "Cli", "Cli.csproj"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", $"-p:PublishReadyToRun={(readyToRun ? "true" : "false")}", "-o", output, "-nologo" })
        {
            psi.ArgumentList.Add(a);
        }
        Console.WriteLine($"P7/P8   publishing gowatch ({(readyToRun ? "ReadyToRun" : "no ReadyToRun")}) …");
        var run = ProcessRun.Run(psi, TimeSpan.FromMinutes(8));
        return run.ExitCode == 0 ? null : $"`dotnet publish` ({(readyToRun ? "ReadyToRun" : "JIT")}) failed: {string.Join('\n', (run.Stdout + run.Stderr).Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(5))}";
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
