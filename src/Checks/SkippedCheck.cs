namespace GoWatch.Checks;

/// <summary>A check that could not run for lack of facts; it is neither passed nor failed.</summary>
public sealed record SkippedCheck(string Id, string Reason);
