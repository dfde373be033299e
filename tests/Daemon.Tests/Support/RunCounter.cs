using Quartz;

namespace GoWatch.Daemon.Tests.Support;

/// <summary>A Quartz job that counts its runs, to watch a schedule from a test.</summary>
[DisallowConcurrentExecution]
public sealed class RunCounter : IJob
{
    private static int _runs;

    public static int Runs => Volatile.Read(ref _runs);

    public static void Reset() => Interlocked.Exchange(ref _runs, 0);

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return ValueTask.CompletedTask;
    }
}
