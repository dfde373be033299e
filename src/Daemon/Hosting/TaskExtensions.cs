namespace GoWatch.Daemon.Hosting;

/// <summary>Fire-and-forget for tasks that handle their own errors.</summary>
internal static class TaskExtensions
{
    public static void Forget(this Task task) => _ = task;
}
