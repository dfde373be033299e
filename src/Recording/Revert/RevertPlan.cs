namespace GoWatch.Recording.Revert;

/// <summary>
/// What a revert does: the file's content now and the content it gets back (null: the file is
/// removed). Enough for the CLI to show the diff before asking.
/// </summary>
/// <param name="Path">The watched path, as recorded.</param>
/// <param name="WritePath">The file actually written (differs from <paramref name="Path"/> when it is a symlink to another watched file).</param>
/// <param name="RevertedPosition">The event being undone.</param>
/// <param name="RevertedType">Its type, e.g. <c>FileChanged</c>.</param>
/// <param name="ChangedSince">The file no longer holds the content recorded right after that event (only possible with force).</param>
public sealed record RevertPlan(
    string Path,
    string WritePath,
    long RevertedPosition,
    string RevertedType,
    RevertAction Action,
    string? CurrentSha256,
    string? TargetSha256,
    byte[]? CurrentContent,
    byte[]? TargetContent,
    bool ChangedSince);
