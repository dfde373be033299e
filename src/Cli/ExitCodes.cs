namespace GoWatch.Cli;

/// <summary>Exit codes of SPEC §6.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Error findings, an unknown position, a non-file event, an unreachable store.</summary>
    public const int Failure = 1;

    public const int Usage = 2;

    /// <summary>A revert was refused.</summary>
    public const int Refused = 3;

    /// <summary><c>gowatch status</c>: gowatchd is not running.</summary>
    public const int NotRunning = 3;

    /// <summary>Ctrl-C ended the command (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
