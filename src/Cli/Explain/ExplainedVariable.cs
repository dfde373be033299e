namespace GoWatch.Cli.Explain;

/// <summary>One variable explained: who wins in a terminal, who wins in each GoLand project, and every source seen.</summary>
public sealed record ExplainedVariable(string Name, TerminalValue Terminal, IReadOnlyList<GoLandValue> GoLand, IReadOnlyList<ValueSource> Sources);
