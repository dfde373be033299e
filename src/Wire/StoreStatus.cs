namespace GoWatch.Wire;

/// <summary>The <c>store</c> object of the status.</summary>
/// <param name="LastPosition">The newest position (0 for an empty store), so a caller can say what exists.</param>
public sealed record StoreStatus(string Path, long SizeBytes, long Events, long LastPosition);
