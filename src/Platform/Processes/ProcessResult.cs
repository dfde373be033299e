namespace GoWatch.Platform.Processes;

/// <summary>What a finished (or killed) process left behind.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut, TimeSpan Duration, string? StartError = null)
{
    /// <summary>The child printed more than <see cref="ProcessSpec.MaxOutputChars"/> and was killed; its output is cut there.</summary>
    public bool OutputCapped { get; init; }

    public bool Started => StartError is null;
    public bool Succeeded => Started && !TimedOut && !OutputCapped && ExitCode == 0;
}
