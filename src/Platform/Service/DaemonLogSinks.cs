namespace GoWatch.Platform.Service;

/// <summary>
/// Where the daemon logs. Under launchd the console is the agent's StandardOutPath, a file
/// nothing rotates: there only the rolling file (in the same log dir) is written.
/// </summary>
public static class DaemonLogSinks
{
    /// <summary>
    /// Whether the console sink is wanted. launchd sets <c>XPC_SERVICE_NAME</c> to the job's
    /// label; Terminal sets it to <c>0</c> and some terminal apps to their own name, so a
    /// foreign name counts only when stdout is not a terminal.
    /// </summary>
    public static bool Console(string? xpcServiceName, bool stdoutIsTerminal) => xpcServiceName switch
    {
        null or "" or "0" => true,
        LaunchdServiceManager.Label => false,
        _ => stdoutIsTerminal,
    };

    /// <summary>The decision for this process.</summary>
    public static bool Console() =>
        Console(Environment.GetEnvironmentVariable("XPC_SERVICE_NAME"), !System.Console.IsOutputRedirected);
}
