namespace GoWatch.Checks.Catalogue;

/// <summary>
/// What a check concluded: passed (no finding), failed (one finding), or skipped because the
/// facts it needs are missing. A skipped check is neither passed nor failed, so a missing
/// <c>go</c> never makes, say, <c>cgo.compiler</c> look healthy.
/// </summary>
public sealed record CheckOutcome
{
    private CheckOutcome(Finding? finding, string? skipReason)
    {
        Finding = finding;
        SkipReason = skipReason;
    }

    /// <summary>The finding when the check failed.</summary>
    public Finding? Finding { get; }

    /// <summary>Why the check could not run, when it was skipped.</summary>
    public string? SkipReason { get; }

    /// <summary>True when the check ran and found nothing.</summary>
    public bool Passed => Finding is null && SkipReason is null;

    /// <summary>The check ran and found nothing.</summary>
    public static CheckOutcome Pass { get; } = new(null, null);

    /// <summary>The check ran and found a problem.</summary>
    public static CheckOutcome Fail(Finding finding) => new(finding, null);

    /// <summary>The check could not run.</summary>
    public static CheckOutcome Skip(string reason) => new(null, reason);
}
