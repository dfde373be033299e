namespace GoWatch.Benchmarks.Support;

/// <summary>
/// The native pair as users get it (SPEC §9): `dotnet publish src/Cli -c Release -r RID -o DIR`
/// from a copy of the sources, giving `gowatch` and `gowatchd` compiled ahead of time side by side.
/// Made once per run, when a bar first asks for it; needs clang.
/// </summary>
public sealed class NativeBuild : IDisposable
{
    private readonly SourceCopy? _sources;

    private NativeBuild(SourceCopy? sources, string? directory, string? problem)
    {
        _sources = sources;
        Directory = directory;
        Problem = problem;
    }

    /// <summary>DIR, or null when it could not be made (see <see cref="Problem"/>).</summary>
    public string? Directory { get; }

    public string? Problem { get; }

    public string? Cli => Directory is null ? null : Path.Combine(Directory, "gowatch");

    public string? Daemon => Directory is null ? null : Path.Combine(Directory, "gowatchd");

    /// <summary>The label figures carry for this build.</summary>
    public static string Label => $"native `gowatch` (publish src/Cli -r {SourceCopy.RuntimeIdentifier}, SPEC §9)";

    public static string DaemonLabel => $"native `gowatchd` (publish src/Cli -r {SourceCopy.RuntimeIdentifier}, SPEC §9)";

    public static NativeBuild Make()
    {
        if (DaemonVariants.CCompiler() is not { } compiler)
        {
            return new NativeBuild(null, null, "no clang on PATH: the native gowatch and gowatchd (SPEC §9) were not built");
        }
        Console.WriteLine($"native  publishing gowatch and gowatchd as SPEC §9 says ({compiler}) …");
        var sources = SourceCopy.Make("native");
        var output = Path.Combine(sources.Root, "dist");
        var problem = sources.Publish(Path.Combine("Cli", "Cli.csproj"), output, $"-p:CppCompilerAndLinker={compiler}");
        if (problem is null && !(File.Exists(Path.Combine(output, "gowatch")) && File.Exists(Path.Combine(output, "gowatchd"))))
        {
            problem = $"the publish left no gowatch and gowatchd in {output}";
        }
        return new NativeBuild(sources, problem is null ? output : null, problem);
    }

    public void Dispose() => _sources?.Dispose();
}
