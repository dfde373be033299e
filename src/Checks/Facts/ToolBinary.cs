using GoWatch.Checks.Binary;

namespace GoWatch.Checks.Facts;

/// <summary>An executable in GOBIN or a GOPATH's <c>bin</c>; <see cref="Package"/> is the main package its build info names (what <c>go install …@latest</c> needs).</summary>
public sealed record ToolBinary(string Path, BinaryHeader Header, string? Package = null);
