namespace GoWatch.Events.Store;

/// <summary>The store file cannot be used (corrupt, truncated, unreadable, read-only dir). It is left untouched.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
