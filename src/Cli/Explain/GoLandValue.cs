namespace GoWatch.Cli.Explain;

/// <summary>
/// The value <c>go</c> run by GoLand sees in one project (null: any project without its own
/// setting), and the source that wins.
/// </summary>
public sealed record GoLandValue(string? Project, string? Value, string From);
