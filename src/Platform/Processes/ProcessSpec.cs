namespace GoWatch.Platform.Processes;

/// <summary>
/// A process to start: a file and an argv array, never a command string, so no text from a
/// file or a path can be interpreted by a shell.
/// </summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>When set, the child gets exactly this environment instead of inheriting ours.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    public string? WorkingDirectory { get; init; }
    public string? StandardInput { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The most characters kept of stdout and of stderr each; a child that prints more is killed (a <c>go</c> that prints forever must not grow the daemon).</summary>
    public int MaxOutputChars { get; init; } = 4 * 1024 * 1024;
}
