namespace GoWatch.Cli.Report;

/// <summary>One verification run: when, why, and how many error findings it had.</summary>
public sealed record VerificationTick(long Position, DateTimeOffset Time, string Trigger, int Errors, int Findings);
