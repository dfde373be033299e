namespace GoWatch.Recording.Revert;

/// <summary>The outcome of a revert: a status, a sentence for the user, and what was (or would be) done.</summary>
public sealed record RevertResult(RevertStatus Status, string Message)
{
    public RevertPlan? Plan { get; init; }

    /// <summary>Position of the recorded <c>FileReverted</c>, when one was recorded.</summary>
    public long? RecordedPosition { get; init; }

    /// <summary>sha256 of the replaced content kept as a backup (null when the file was absent).</summary>
    public string? BackupSha256 { get; init; }

    /// <summary>The machine-readable code of a refusal on the local API (see <see cref="FromCode"/>).</summary>
    public static string? CodeOf(RevertStatus status) => status switch
    {
        RevertStatus.Refused => "refused",
        RevertStatus.UnknownPosition => "unknown-position",
        RevertStatus.NotFileEvent => "not-file-event",
        RevertStatus.Failed => "failed",
        _ => null,
    };

    /// <summary>The status a refusal code stands for; unknown codes are failures.</summary>
    public static RevertStatus FromCode(string? code) => code switch
    {
        "refused" => RevertStatus.Refused,
        "unknown-position" => RevertStatus.UnknownPosition,
        "not-file-event" => RevertStatus.NotFileEvent,
        _ => RevertStatus.Failed,
    };
}
