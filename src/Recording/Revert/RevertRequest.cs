namespace GoWatch.Recording.Revert;

/// <summary>
/// <c>gowatch revert POS</c> as the reverter (or the daemon's <c>revert</c> operation) receives it.
/// </summary>
/// <param name="Position">The file event whose "before" content is to be restored.</param>
public sealed record RevertRequest(long Position)
{
    /// <summary>Revert even though the file changed after <see cref="Position"/> (the replaced content is still kept as a backup).</summary>
    public bool Force { get; init; }

    /// <summary>Check everything and describe the revert, but write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// When true, the file must still hold <see cref="ExpectedCurrentSha256"/> (null: absent),
    /// i.e. what the user saw in the preview they confirmed; otherwise the revert is refused.
    /// </summary>
    public bool ExpectCurrent { get; init; }

    public string? ExpectedCurrentSha256 { get; init; }
}
