namespace GoWatch.Checks.Facts;

/// <summary>A <c>go</c> or <c>gofmt</c> symlink whose target does not exist (or loops).</summary>
public sealed record DanglingSymlink(string Path, string? Target, bool OnPath);
