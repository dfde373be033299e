namespace GoWatch.Wire;

/// <summary>One directory the daemon watches; recursive when changes anywhere below it are delivered.</summary>
public sealed record WatchedDirectory(string Path, bool Recursive);
