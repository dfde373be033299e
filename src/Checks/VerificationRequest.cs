namespace GoWatch.Checks;

/// <summary>What to verify and how patiently.</summary>
public sealed record VerificationRequest
{
    /// <summary>Only these check ids (SPEC §5); null or empty runs every check. Unknown ids are refused.</summary>
    public IReadOnlyCollection<string>? CheckIds { get; init; }

    /// <summary>Project directories to inspect besides GoLand's recent projects (<c>gowatch watch add</c>).</summary>
    public IReadOnlyList<string> ProjectDirectories { get; init; } = [];

    /// <summary>Limit for the login shell's startup.</summary>
    public TimeSpan ShellTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit for each <c>go</c> invocation.</summary>
    public TimeSpan GoTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Every check, default timeouts.</summary>
    public static VerificationRequest All { get; } = new();
}
