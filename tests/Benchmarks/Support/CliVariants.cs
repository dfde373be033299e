namespace GoWatch.Benchmarks.Support;

/// <summary>
/// The ways gowatch can be started, for the start-up bars: the Release build output as it is
/// (`dotnet gowatch.dll`, or its apphost), and `dotnet publish` outputs with and without
/// ReadyToRun, with runtime knobs set through DOTNET_* variables. The publishes are made from a
/// copy of the sources, so nobody's obj/ folders are touched.
/// </summary>
public sealed class CliVariants : IDisposable
{
    private readonly SourceCopy _sources;

    private CliVariants(SourceCopy sources, IReadOnlyList<Launcher> launchers, IReadOnlyList<string> problems)
    {
        _sources = sources;
        Launchers = launchers;
        Problems = problems;
    }

    /// <summary>
    /// The first launcher is the one the bars are judged on: the native `gowatch` of SPEC §9 (what
    /// users install), or the Release build output as it is when that could not be built.
    /// </summary>
    public IReadOnlyList<Launcher> Launchers { get; }
    public Launcher Primary => Launchers[0];
    public IReadOnlyList<string> Problems { get; }

    public static CliVariants Prepare(Apps apps, NativeBuild native)
    {
        var sources = SourceCopy.Make("cli-publish");
        var noPgo = new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" };
        var launchers = new List<Launcher>();
        var problems = new List<string>();
        if (native.Cli is { } nativeCli)
        {
            launchers.Add(Launcher.AppHost(NativeBuild.Label, nativeCli));
        }
        else
        {
            problems.Add(native.Problem ?? "the native gowatch was not built");
        }
        launchers.Add(Launcher.Dotnet("build output, `dotnet gowatch.dll` (JIT)", apps.Cli));
        launchers.Add(Launcher.Dotnet("build output, `dotnet gowatch.dll`, DOTNET_TieredPGO=0", apps.Cli, noPgo));
        var apphost = Path.Combine(Path.GetDirectoryName(apps.Cli)!, "gowatch");
        if (File.Exists(apphost))
        {
            launchers.Add(Launcher.AppHost("build output, apphost `gowatch` (JIT)", apphost));
        }
        foreach (var (name, r2r) in new[] { ("jit", false), ("r2r", true) })
        {
            var output = Path.Combine(sources.Root, name);
            Console.WriteLine($"P7/P8   publishing gowatch ({(r2r ? "ReadyToRun" : "no ReadyToRun")}) …");
            // Managed, framework-dependent: a publish with a runtime identifier is native unless told otherwise.
            var publish = sources.Publish(Path.Combine("Cli", "Cli.csproj"), output, "--self-contained", "false", "-p:PublishAot=false", $"-p:PublishReadyToRun={(r2r ? "true" : "false")}");
            if (publish is not null)
            {
                problems.Add(publish);
                continue;
            }
            var exe = Path.Combine(output, "gowatch");
            if (r2r)
            {
                launchers.Add(Launcher.AppHost($"publish -r {SourceCopy.RuntimeIdentifier}, ReadyToRun, apphost", exe));
                launchers.Add(Launcher.AppHost($"publish -r {SourceCopy.RuntimeIdentifier}, ReadyToRun, apphost, DOTNET_TieredPGO=0", exe, noPgo));
                launchers.Add(Launcher.AppHost($"publish -r {SourceCopy.RuntimeIdentifier}, ReadyToRun, apphost, DOTNET_TieredCompilation=0", exe, new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" }));
            }
            else
            {
                launchers.Add(Launcher.AppHost($"publish -r {SourceCopy.RuntimeIdentifier}, no ReadyToRun, apphost", exe));
            }
        }
        return new CliVariants(sources, launchers, problems);
    }

    public void Dispose() => _sources.Dispose();
}
