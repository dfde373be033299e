using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Probes;

/// <summary>
/// Gathers <see cref="MachineFacts"/> through the ports. The shell, the installation scan, GoLand
/// and the env file are independent and run concurrently; only the go probe and the PATH part
/// of the installation scan wait for the shell, because they need its PATH. The path probe
/// comes last: it looks at every path the other facts mention, so checks never touch the disk.
/// </summary>
public sealed class FactsCollector(IShellProbe shell, IGoProbe go, IInstallationScanner installations, IGoEnvFileReader envFile, IGoLandReader goland, IPathProbe paths, IToolScanner tools, IDesktopSessionProbe? desktop = null)
{
    private readonly IDesktopSessionProbe _desktop = desktop ?? new DesktopSessionProbe();

    /// <summary>A collector over the real machine.</summary>
    public FactsCollector()
        : this(new LoginShellProbe(), new GoProbe(), new InstallationScanner(), new GoEnvFileReader(), new GoLandReader(), new PathProbe(), new ToolScanner())
    {
    }

    /// <summary>How long a probe that only reads files may take before it is abandoned.</summary>
    public static TimeSpan FileProbeDeadline { get; } = TimeSpan.FromSeconds(20);

    /// <summary>Runs <paramref name="probe"/> off the caller's thread; past <paramref name="deadline"/> its result is <paramref name="abandoned"/>.</summary>
    internal static async Task<T> Within<T>(TimeSpan deadline, Func<Task<T>> probe, Func<string, T> abandoned)
    {
        var task = Task.Run(probe);
        var finished = await Task.WhenAny(task, Task.Delay(deadline)).ConfigureAwait(false);
        return finished == task
            ? await task.ConfigureAwait(false)
            : abandoned($"did not finish within {deadline.TotalSeconds:0} s and was abandoned");
    }

    /// <summary>Collects every fact for <paramref name="settings"/>.</summary>
    public async Task<MachineFacts> CollectAsync(GoWatchSettings settings, VerificationRequest request, CancellationToken cancellationToken)
    {
        var shellTask = shell.ProbeAsync(settings, request.ShellTimeout, cancellationToken);
        // The file probes have no process timeout of their own: each runs on its own thread under
        // a deadline, and one that does not finish is abandoned with the reason in its facts.
        var wellKnownTask = Within(FileProbeDeadline, () => installations.ScanWellKnownAsync(settings, cancellationToken),
            _ => new InstallationFacts());
        var envFileTask = Within(FileProbeDeadline, () => envFile.ReadAsync(settings, cancellationToken),
            why => new GoEnvFileFacts { Path = settings.GoEnvFile, Exists = File.Exists(settings.GoEnvFile), Error = $"reading it {why}" });
        var golandTask = Within(FileProbeDeadline, () => goland.ReadAsync(settings, request.ProjectDirectories, cancellationToken),
            why => new GoLandFacts { Problems = [new Evidence(settings.JetBrainsConfigRoot, null, $"reading GoLand's settings {why}")] });

        var desktopTask = _desktop.ProbeAsync(settings, request.GoTimeout, cancellationToken);

        var shellFacts = await shellTask.ConfigureAwait(false);
        GoFacts? goFacts = null;
        if (shellFacts.Environment is not null)
        {
            goFacts = await go.ProbeAsync(settings, shellFacts, request.GoTimeout, cancellationToken).ConfigureAwait(false);
        }
        var envFileFacts = await envFileTask.ConfigureAwait(false);
        // The shell may move the file (GOENV=…): then only the moved one counts.
        if (GoEnvFileLocation.Of(settings, shellFacts, goFacts) is var goEnvFile && goEnvFile != settings.GoEnvFile)
        {
            envFileFacts = goEnvFile == GoEnvFileLocation.Off
                ? new GoEnvFileFacts { Path = settings.GoEnvFile }
                : await Within(FileProbeDeadline, () => envFile.ReadAsync(settings with { GoEnvFile = goEnvFile }, cancellationToken),
                    why => new GoEnvFileFacts { Path = goEnvFile, Exists = File.Exists(goEnvFile), Error = $"reading it {why}" }).ConfigureAwait(false);
        }
        var installationFacts = installations.AddPath(await wellKnownTask.ConfigureAwait(false), shellFacts.PathEntries, goFacts?.Path);

        var facts = new MachineFacts
        {
            Host = new HostFacts(settings.Platform, settings.HostArch, settings.Shell, settings.Home),
            Shell = shellFacts,
            Go = goFacts,
            Installations = installationFacts,
            GoEnvFile = envFileFacts,
            GoLand = await golandTask.ConfigureAwait(false),
            Desktop = await desktopTask.ConfigureAwait(false),
        };
        // Last, because it looks at whatever the other facts mention.
        return facts with
        {
            Paths = paths.Probe(MentionedPaths.Of(facts)),
            Tools = tools.Scan(ToolScanner.Directories(facts), settings.HostArch),
        };
    }
}
