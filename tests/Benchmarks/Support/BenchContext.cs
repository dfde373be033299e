namespace GoWatch.Benchmarks.Support;

/// <summary>Command line of the benchmark program.</summary>
public sealed record Options
{
    public IReadOnlySet<string> Ids { get; init; } = new HashSet<string>();
    public bool Quick { get; init; }
    public int? IdleSeconds { get; init; }
    public string? ReportPath { get; init; }
    public bool NoReport { get; init; }
    public bool Help { get; init; }

    /// <summary>Size of the P4 store (the bar says 1,000,000).</summary>
    public int? P4Events { get; init; }

    /// <summary>Generate the P4 store even when one made by the same store code is cached.</summary>
    public bool FreshStore { get; init; }

    /// <summary>Extra environment for gowatchd (e.g. DOTNET_GCgen0size), to try runtime settings.</summary>
    public IReadOnlyDictionary<string, string> DaemonEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Every bar was selected (no ids given).</summary>
    public bool All => Ids.Count == 0;

    public bool Selected(string id) => All || Ids.Contains(id);

    public const string Usage = """
        GoWatch benchmarks: the performance bars P1–P9 of QUALITY.md against the Release builds.

          dotnet build -c Release GoWatch.sln
          dotnet run -c Release --project tests/Benchmarks [-- [P1 … P8] [options]]

        Options:
          P1 … P9              run only these bars (default: all)
          --quick              smaller sizes and a 20 s idle window: a smoke run
          --idle-seconds N     length of the P3 idle window (the bar says 300)
          --report PATH        write the Markdown report to PATH
          --no-report          print only
          --p4-events N        size of the P4 store (the bar says 1,000,000)
          --fresh-store        generate the P4 store even if one made from the same store sources is cached
          --daemon-env K=V     run gowatchd with this extra environment variable (repeatable)
        A full run (no ids, no --quick) writes BENCHMARKS.md at the repository root;
        otherwise the figures are only printed unless --report is given.
        """;

    public static Options Parse(string[] args)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--idle-seconds" when i + 1 < args.Length && int.TryParse(args[i + 1], out var seconds) && seconds > 0:
                    options = options with { IdleSeconds = seconds };
                    i++;
                    break;
                case "--report" when i + 1 < args.Length:
                    options = options with { ReportPath = Path.GetFullPath(args[++i]) };
                    break;
                case "--daemon-env" when i + 1 < args.Length && args[i + 1].Contains('=', StringComparison.Ordinal):
                    var pair = args[++i].Split('=', 2);
                    options = options with { DaemonEnvironment = new Dictionary<string, string>(options.DaemonEnvironment) { [pair[0]] = pair[1] } };
                    break;
                case "--p4-events" when i + 1 < args.Length && int.TryParse(args[i + 1], out var events) && events > 0:
                    options = options with { P4Events = events };
                    i++;
                    break;
                case "--fresh-store":
                    options = options with { FreshStore = true };
                    break;
                case "--no-report":
                    options = options with { NoReport = true };
                    break;
                case "-h" or "--help":
                    options = options with { Help = true };
                    break;
                default:
                    if (System.Text.RegularExpressions.Regex.IsMatch(arg, "^[Pp][1-9]$"))
                    {
                        ids.Add(arg.ToUpperInvariant());
                        break;
                    }
                    throw new ArgumentException($"Unknown argument '{arg}'.");
            }
        }
        return options with { Ids = ids };
    }
}

/// <summary>What every bar gets: the options, the private copy of the Release apps, the CLI and daemon variants (made on first use).</summary>
public sealed class BenchContext(Options options, Apps apps) : IDisposable
{
    private readonly Lazy<NativeBuild> _native = new(NativeBuild.Make);
    private Lazy<CliVariants>? _variants;
    private readonly Lazy<DaemonVariants> _daemons = new(() => DaemonVariants.Prepare(apps, options.DaemonEnvironment));

    public Options Options { get; } = options;
    public Apps Apps { get; } = apps;
    public bool Quick => Options.Quick;
    public CliVariants CliVariants => (_variants ??= new(() => CliVariants.Prepare(Apps, Native))).Value;

    /// <summary>The native pair of SPEC §9, published once for the bars that judge it.</summary>
    public NativeBuild Native => _native.Value;
    public DaemonVariants DaemonVariants => _daemons.Value;

    public void Dispose()
    {
        if (_variants is { IsValueCreated: true })
        {
            _variants.Value.Dispose();
        }
        if (_native.IsValueCreated)
        {
            _native.Value.Dispose();
        }
        if (_daemons.IsValueCreated)
        {
            _daemons.Value.Dispose();
        }
    }
}

/// <summary>One performance bar of QUALITY.md.</summary>
public interface IBar
{
    string Id { get; }
    string Title { get; }
    string Target { get; }
    void Run(BenchContext context, BarResult result);
}
