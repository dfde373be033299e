using GoWatch.Platform.Processes;

namespace GoWatch.Platform.Service;

/// <summary>
/// One <c>launchctl</c> or <c>systemctl</c> invocation: the exact argv that ran (or, in a dry run,
/// would run) and what it left behind.
/// </summary>
/// <param name="Tool">The tool's name, argv[0] as shown to the user.</param>
/// <param name="Arguments">The arguments after argv[0], passed to the process one by one.</param>
public sealed record ServiceCommand(string Tool, IReadOnlyList<string> Arguments)
{
    /// <summary>Where the tool was found on the search path; null when it is not there.</summary>
    public string? ToolPath { get; init; }

    /// <summary>The outcome; null when the command did not run (dry run).</summary>
    public ProcessResult? Result { get; init; }

    public bool Ran => Result is not null;
    public bool Succeeded => Result?.Succeeded == true;

    /// <summary>Stdout and stderr together, trimmed: launchctl and systemctl put errors on either.</summary>
    public string Output => Result is null ? "" : string.Join("\n", new[] { Result.Stdout.Trim(), Result.Stderr.Trim() }.Where(s => s.Length > 0));

    /// <summary>The command as a user would type it, each argument quoted for a POSIX shell. For display only; never executed.</summary>
    public override string ToString() => string.Join(" ", new[] { Tool }.Concat(Arguments).Select(ShellQuote));

    internal static string ShellQuote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:@%+,".Contains(c))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
