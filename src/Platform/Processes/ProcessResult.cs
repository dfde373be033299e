namespace GoWatch.Platform.Processes;

/// <summary>What a finished (or killed) process left behind.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut, TimeSpan Duration, string? StartError = null)
{
    public bool Started => StartError is null;
    public bool Succeeded => Started && !TimedOut && ExitCode == 0;
}
