namespace GoWatch.Checks.Facts;

/// <summary>
/// What the user's login shell left behind when started the way an IDE starts it:
/// the exported environment, where each PATH/Go variable was last assigned, the errors it
/// printed while reading its startup files, and how long it took.
/// </summary>
public sealed record ShellFacts
{
    /// <summary>The configured login shell, or null when none could be found.</summary>
    public string? ShellPath { get; init; }

    /// <summary>Which dialect the shell speaks.</summary>
    public ShellKind Kind { get; init; }

    /// <summary>False when <see cref="ShellPath"/> names no executable file.</summary>
    public bool Exists { get; init; }

    /// <summary>Why the shell could not be started, when it could not.</summary>
    public string? StartError { get; init; }

    /// <summary>The shell's exit code, or null when it never ran.</summary>
    public int? ExitCode { get; init; }

    /// <summary>True when the shell was killed at <see cref="Timeout"/>.</summary>
    public bool TimedOut { get; init; }

    /// <summary>The limit the shell ran under.</summary>
    public TimeSpan Timeout { get; init; }

    /// <summary>The exported environment after startup, or null when the shell never got to print it.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>For PATH and each Go variable: the startup-file line that assigned it last.</summary>
    public IReadOnlyDictionary<string, Evidence> Assignments { get; init; } = new Dictionary<string, Evidence>();

    /// <summary>For PATH and each Go variable: every traced assignment that ran, in order (the last one wins).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Evidence>> AssignmentHistory { get; init; } = new Dictionary<string, IReadOnlyList<Evidence>>();

    /// <summary>Errors the shell printed while reading its startup files.</summary>
    public IReadOnlyList<Evidence> Errors { get; init; } = [];

    /// <summary>Wall-clock time of the whole login-shell run.</summary>
    public TimeSpan StartupDuration { get; init; }

    /// <summary>A variable of the shell's environment, or null when it is not exported.</summary>
    public string? Get(string name) => Environment is { } env && env.TryGetValue(name, out var value) ? value : null;

    /// <summary>Where <paramref name="name"/> was assigned, when the trace or the startup files say.</summary>
    public Evidence? AssignmentOf(string name) => Assignments.TryGetValue(name, out var e) ? e : null;

    /// <summary>The shell's PATH split into entries (empty entries kept), or an empty list when unknown.</summary>
    public IReadOnlyList<string> PathEntries => Get("PATH") is { } path ? path.Split(':') : [];
}
