namespace GoWatch.Benchmarks.Support;

/// <summary>
/// The ways gowatchd can run, for the memory bars: the Release build output under the JIT
/// (`dotnet gowatchd.dll`, what `dotnet run` and the tool package start) and a native AOT
/// publish (`-p:PublishAot=true`, see src/Daemon/Daemon.csproj), made from a copy of the sources.
/// </summary>
public sealed class DaemonVariants : IDisposable
{
    private readonly SourceCopy? _sources;

    private DaemonVariants(SourceCopy? sources, IReadOnlyList<DaemonVariant> variants, IReadOnlyList<string> problems)
    {
        _sources = sources;
        Variants = variants;
        Problems = problems;
    }

    /// <summary>The build output first, then the native publish when it could be made.</summary>
    public IReadOnlyList<DaemonVariant> Variants { get; }
    public IReadOnlyList<string> Problems { get; }

    /// <summary>
    /// The daemon whose memory and CPU the bars judge: the native one users install (SPEC §9),
    /// listed last; the JIT one only when no native one could be built. The others are shown beside it.
    /// </summary>
    public DaemonVariant Judged => Variants[^1];

    public static DaemonVariants Prepare(Apps apps, IReadOnlyDictionary<string, string> environment)
    {
        var launchers = new List<DaemonVariant> { new("JIT", Launcher.Dotnet("build output, `dotnet gowatchd.dll` (JIT)", apps.Daemon, environment)) };
        if (CCompiler() is not { } compiler)
        {
            return new DaemonVariants(null, launchers, ["no clang on PATH: the native (AOT) gowatchd was not built"]);
        }
        Console.WriteLine($"daemon  publishing gowatchd as a native AOT binary ({compiler}) …");
        var sources = SourceCopy.Make("daemon-publish");
        var output = Path.Combine(sources.Root, "aot");
        var problem = sources.Publish(Path.Combine("Daemon", "Daemon.csproj"), output, "-p:PublishAot=true", $"-p:CppCompilerAndLinker={compiler}");
        if (problem is not null)
        {
            return new DaemonVariants(sources, launchers, [problem]);
        }
        launchers.Add(new("native AOT", Launcher.AppHost($"publish -r {SourceCopy.RuntimeIdentifier} -p:PublishAot=true, native `gowatchd`", Path.Combine(output, "gowatchd"), environment)));
        return new DaemonVariants(sources, launchers, []);
    }

    /// <summary>clang, or the newest versioned clang-NN (Debian installs those without the plain name).</summary>
    public static string? CCompiler()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        if (path.Any(d => File.Exists(Path.Combine(d, "clang"))))
        {
            return "clang";
        }
        return path.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "clang-*"))
            .Select(Path.GetFileName)
            .Where(n => int.TryParse(n!["clang-".Length..], out _))
            .OrderByDescending(n => int.Parse(n!["clang-".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
    }

    public void Dispose() => _sources?.Dispose();
}

/// <summary>One way of running gowatchd: a short name for figure labels, and how to start it.</summary>
public sealed record DaemonVariant(string Name, Launcher Launcher);
