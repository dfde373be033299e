using GoWatch.Daemon.Hosting;
using GoWatch.Daemon.Verification;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace GoWatch.Daemon.Scheduling;

/// <summary>One verification; the trigger that fired it says why (<see cref="Triggers"/>).</summary>
[DisallowConcurrentExecution]
public sealed class VerifyJob(VerificationRunner runner, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = new("verify", "gowatch");
    public const string TriggerKey = "trigger";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var trigger = context.MergedJobDataMap.TryGetValue(TriggerKey, out var t) && t is string s ? s : Triggers.Schedule;
        // A stop abandons a verification under way (a login shell still reading a huge rc file, a
        // hanging go): its processes are killed, nothing is recorded, and Quartz need not wait for it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await runner.RunAsync(trigger, stopping.Token);
            // Start-up, a burst of changes, a wake: the work is done and the daemon goes quiet.
            QuietHeap.Release();
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
    }
}
