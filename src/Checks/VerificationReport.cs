namespace GoWatch.Checks;

/// <summary>The result of one verification: what was found, what passed, what could not be checked.</summary>
public sealed record VerificationReport
{
    /// <summary>When the verification started (UTC).</summary>
    public required DateTimeOffset CheckedAt { get; init; }

    /// <summary>Platform, CPU and login shell.</summary>
    public required HostInfo Host { get; init; }

    /// <summary>The go the login shell runs, or null when there is none.</summary>
    public GoInfo? Go { get; init; }

    /// <summary>At most one finding per check id, errors first.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Ids of the checks that ran and found nothing.</summary>
    public required IReadOnlyList<string> Passed { get; init; }

    /// <summary>Checks that could not run, with the reason.</summary>
    public IReadOnlyList<SkippedCheck> Skipped { get; init; } = [];

    /// <summary>
    /// The Go env file Go reads for the login shell (<c>go env GOENV</c>, which the shell may move);
    /// null when the shell gave no answer. With GOENV=off, the default place.
    /// </summary>
    public string? GoEnvFile { get; init; }

    /// <summary>Wall-clock time of the login shell's own startup, in milliseconds (null when it never ran).</summary>
    public long? ShellStartupMs { get; init; }

    /// <summary>Wall-clock time of the whole verification, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>True when any finding is an error (<c>gowatch doctor</c> then exits 1).</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}
