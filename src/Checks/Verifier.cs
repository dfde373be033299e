using System.Diagnostics;
using GoWatch.Checks.Catalogue;
using GoWatch.Checks.Facts;
using GoWatch.Checks.Probes;
using GoWatch.Platform;
using GoWatch.Platform.Locations;

namespace GoWatch.Checks;

/// <summary>
/// The entry point the daemon and the CLI call: gathers facts, runs the catalogue, and
/// returns a <see cref="VerificationReport"/>. Stateless and safe to share.
/// </summary>
public sealed class Verifier
{
    private readonly FactsCollector _collector;
    private readonly TimeProvider _time;

    /// <summary>A verifier over the real machine and clock.</summary>
    public Verifier()
        : this(new FactsCollector(), TimeProvider.System)
    {
    }

    /// <summary>A verifier with its own fact sources and clock.</summary>
    public Verifier(FactsCollector collector, TimeProvider time)
    {
        _collector = collector;
        _time = time;
    }

    /// <summary>Every check id of SPEC §5.</summary>
    public static IReadOnlyList<string> CheckIds => CheckCatalogue.Ids;

    /// <summary>Runs the requested checks now.</summary>
    /// <exception cref="ArgumentException">A requested check id does not exist; the message lists the valid ones.</exception>
    public async Task<VerificationReport> RunAsync(GoWatchSettings settings, VerificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(request);
        var checks = Select(request.CheckIds);
        var checkedAt = _time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var facts = await _collector.CollectAsync(settings, request, cancellationToken).ConfigureAwait(false);
        var report = Evaluate(facts, checks, checkedAt);
        return report with { DurationMs = (long)clock.Elapsed.TotalMilliseconds };
    }

    /// <summary>Runs <paramref name="checks"/> (all when null) against facts gathered elsewhere.</summary>
    public static VerificationReport Evaluate(MachineFacts facts, IReadOnlyList<ICheck>? checks, DateTimeOffset checkedAt)
    {
        var outcomes = CheckCatalogue.Evaluate(facts, checks ?? CheckCatalogue.All);
        return new VerificationReport
        {
            CheckedAt = checkedAt,
            Host = new HostInfo(facts.Host.Platform == PlatformKind.MacOS ? "macos" : "linux", facts.Host.Arch, facts.Host.Shell),
            Go = GoInfoOf(facts),
            GoEnvFile = facts.Shell.Environment is null ? null : facts.GoEnvFile.Path,
            Findings = outcomes.Where(o => o.Outcome.Finding is not null).Select(o => o.Outcome.Finding!)
                .OrderByDescending(f => f.Severity).ToList(),
            Passed = outcomes.Where(o => o.Outcome.Passed).Select(o => o.Check.Id).ToList(),
            Skipped = outcomes.Where(o => o.Outcome.SkipReason is not null).Select(o => new SkippedCheck(o.Check.Id, o.Outcome.SkipReason!)).ToList(),
            ShellStartupMs = facts.Shell.ExitCode is not null || facts.Shell.TimedOut ? (long)facts.Shell.StartupDuration.TotalMilliseconds : null,
        };
    }

    /// <summary>Resolves a check-id filter; null or empty means all.</summary>
    /// <exception cref="ArgumentException">An id is unknown.</exception>
    public static IReadOnlyList<ICheck> Select(IReadOnlyCollection<string>? ids)
    {
        if (ids is null || ids.Count == 0)
        {
            return CheckCatalogue.All;
        }
        var unknown = ids.Where(id => CheckCatalogue.Find(id) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown check id{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown)}. Valid ids: {string.Join(", ", CheckCatalogue.Ids)}.",
                nameof(ids));
        }
        return CheckCatalogue.All.Where(c => ids.Contains(c.Id)).ToList();
    }

    private static GoInfo? GoInfoOf(MachineFacts facts)
    {
        if (facts.Go is not { Path: { } path } go)
        {
            return null;
        }
        var arch = go.Header.IsKnown ? string.Join("/", go.Header.Architectures) : go.EnvValue("GOHOSTARCH") is { Length: > 0 } a ? a : null;
        var goroot = go.EnvValue("GOROOT") is { Length: > 0 } r ? r : go.Root;
        return new GoInfo(path, go.InstalledVersion, goroot, arch);
    }
}
