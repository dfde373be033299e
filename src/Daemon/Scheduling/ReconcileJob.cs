using GoWatch.Recording;
using Quartz;

namespace GoWatch.Daemon.Scheduling;

/// <summary>The periodic safety net: re-reads every watched file in case a watcher missed something.</summary>
[DisallowConcurrentExecution]
public sealed class ReconcileJob(Reconciler reconciler) : IJob
{
    public static readonly JobKey Key = new("reconcile", "gowatch");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        reconciler.ReconcileAll("schedule");
        return ValueTask.CompletedTask;
    }
}
