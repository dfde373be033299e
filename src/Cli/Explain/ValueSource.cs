namespace GoWatch.Cli.Explain;

/// <summary>
/// One place that sets a variable: the environment (<c>shell</c>, <c>goenv</c>, <c>desktop</c>,
/// <c>goland</c>), its value (null for a shell line that was overridden before it mattered),
/// the file and line, the line's (masked) text, and what became of it.
/// </summary>
public sealed record ValueSource(string Environment, string? Value, string? File, int? Line, string Note, string? Text = null);
