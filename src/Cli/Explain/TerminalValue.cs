namespace GoWatch.Cli.Explain;

/// <summary>The value <c>go</c> run from a terminal sees, and the source that wins (<c>~/.zshrc:12</c>, <c>go env -w</c>, <c>default</c>).</summary>
public sealed record TerminalValue(string? Value, string From);
