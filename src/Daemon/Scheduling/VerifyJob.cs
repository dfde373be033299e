using GoWatch.Daemon.Verification;
using Quartz;

namespace GoWatch.Daemon.Scheduling;

/// <summary>One verification; the trigger that fired it says why (<see cref="Triggers"/>).</summary>
[DisallowConcurrentExecution]
public sealed class VerifyJob(VerificationRunner runner) : IJob
{
    public static readonly JobKey Key = new("verify", "gowatch");
    public const string TriggerKey = "trigger";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var trigger = context.MergedJobDataMap.TryGetValue(TriggerKey, out var t) && t is string s ? s : Triggers.Schedule;
        await runner.RunAsync(trigger, cancellationToken);
    }
}
