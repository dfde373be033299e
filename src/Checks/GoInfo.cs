namespace GoWatch.Checks;

/// <summary>The <c>go</c> object of <c>doctor --json</c>: the go the login shell runs.</summary>
public sealed record GoInfo(string Path, string? Version, string? Goroot, string? Arch);
