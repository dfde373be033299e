namespace GoWatch.Events.Store;

/// <summary>Another process has the store open; only one may at a time.</summary>
public sealed class StoreLockedException(string lockPath, string? holder = null)
    : Exception($"The GoWatch store is in use by another process{(holder is null ? "" : $" ({holder})")}; it lets go when that command ends. If gowatchd is running, the CLI reaches it through its socket instead.")
{
    public string LockPath { get; } = lockPath;

    /// <summary>Who holds it ("pid 4242: gowatch history"), when the holder said so.</summary>
    public string? Holder { get; } = holder;
}
