namespace GoWatch.Events.Store;

/// <summary>Another process has the store open; only one may at a time.</summary>
public sealed class StoreLockedException(string lockPath)
    : Exception($"The GoWatch store is in use by another process (lock {lockPath}). If gowatchd is running, use it; otherwise wait and retry.")
{
    public string LockPath { get; } = lockPath;
}
