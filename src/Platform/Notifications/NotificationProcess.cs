using GoWatch.Platform.Processes;

namespace GoWatch.Platform.Notifications;

/// <summary>Runs a notification tool under a timeout and turns the outcome into a <see cref="NotificationResult"/>.</summary>
internal static class NotificationProcess
{
    public static async Task<NotificationResult> RunAsync(
        NotificationChannel channel, string toolPath, string[] arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(new ProcessSpec(toolPath, arguments) { Timeout = timeout }, cancellationToken).ConfigureAwait(false);
        string? error = result switch
        {
            { StartError: { } startError } => $"Could not start {toolPath}: {startError}",
            { TimedOut: true } => $"{toolPath} did not finish within {timeout.TotalSeconds:0.#} s.",
            { ExitCode: not 0 } => $"{toolPath} exited with code {result.ExitCode}" + (result.Stderr.Trim() is { Length: > 0 } stderr ? $": {stderr}" : "."),
            _ => null,
        };
        return new NotificationResult(channel, arguments, error is null, error) { ToolPath = toolPath };
    }
}
