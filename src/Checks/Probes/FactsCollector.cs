using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks.Probes;

/// <summary>
/// Gathers <see cref="MachineFacts"/> through the ports. The shell, the installation scan, GoLand
/// and the env file are independent and run concurrently; only the go probe and the PATH part
/// of the installation scan wait for the shell, because they need its PATH. The path probe
/// comes last: it looks at every path the other facts mention, so checks never touch the disk.
/// </summary>
public sealed class FactsCollector(IShellProbe shell, IGoProbe go, IInstallationScanner installations, IGoEnvFileReader envFile, IGoLandReader goland, IPathProbe paths, IToolScanner tools)
{
    /// <summary>A collector over the real machine.</summary>
    public FactsCollector()
        : this(new LoginShellProbe(), new GoProbe(), new InstallationScanner(), new GoEnvFileReader(), new GoLandReader(), new PathProbe(), new ToolScanner())
    {
    }

    /// <summary>Collects every fact for <paramref name="settings"/>.</summary>
    public async Task<MachineFacts> CollectAsync(GoWatchSettings settings, VerificationRequest request, CancellationToken cancellationToken)
    {
        var shellTask = shell.ProbeAsync(settings, request.ShellTimeout, cancellationToken);
        var wellKnownTask = installations.ScanWellKnownAsync(settings, cancellationToken);
        var envFileTask = envFile.ReadAsync(settings, cancellationToken);
        var golandTask = goland.ReadAsync(settings, request.ProjectDirectories, cancellationToken);

        var shellFacts = await shellTask.ConfigureAwait(false);
        GoFacts? goFacts = null;
        if (shellFacts.Environment is not null)
        {
            goFacts = await go.ProbeAsync(settings, shellFacts, request.GoTimeout, cancellationToken).ConfigureAwait(false);
        }
        var installationFacts = installations.AddPath(await wellKnownTask.ConfigureAwait(false), shellFacts.PathEntries, goFacts?.Path);

        var facts = new MachineFacts
        {
            Host = new HostFacts(settings.Platform, settings.HostArch, settings.Shell, settings.Home),
            Shell = shellFacts,
            Go = goFacts,
            Installations = installationFacts,
            GoEnvFile = await envFileTask.ConfigureAwait(false),
            GoLand = await golandTask.ConfigureAwait(false),
        };
        // Last, because it looks at whatever the other facts mention.
        return facts with
        {
            Paths = paths.Probe(MentionedPaths.Of(facts)),
            Tools = tools.Scan(ToolScanner.Directories(facts), settings.HostArch),
        };
    }
}
