using GoWatch.Checks;
using GoWatch.Daemon.Api;
using GoWatch.Daemon.Scheduling;
using GoWatch.Daemon.Verification;
using GoWatch.Daemon.Watching;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using GoWatch.Platform.Notifications;
using GoWatch.Platform.Service;
using GoWatch.Recording;
using GoWatch.Recording.Catalogue;
using GoWatch.Recording.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Serilog;

namespace GoWatch.Daemon.Hosting;

/// <summary>Composes the daemon: a thin generic host whose services only start, stop and hand work to the core.</summary>
public static class DaemonHost
{
    public static IHost Build(GoWatchSettings settings, IEventStore store, string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = true });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var console = DaemonLogSinks.Console();
        builder.Services.AddSerilog((_, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Quartz", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext()
            // A stop during start-up makes the host log "Hosting failed to start" with the cancellation;
            // Program stops cleanly and says so, so the error and its stack would only mislead.
            .Filter.ByExcluding(e => e.Exception is OperationCanceledException && e.Level == Serilog.Events.LogEventLevel.Error
                && e.Properties.TryGetValue("SourceContext", out var source) && source.ToString() == "\"Microsoft.Extensions.Hosting.Internal.Host\"")
            .WriteTo.Conditional(_ => console, sink => sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}"))
            .WriteTo.File(Path.Combine(settings.LogDir, "gowatchd-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(TimeProvider.System);
        var catalogue = new CatalogueSource(settings, store);
        // One catalogue source for every part of the daemon; each asks it for the current catalogue,
        // which is rebuilt as GoLand projects come and go.
        builder.Services.AddSingleton(catalogue);
        builder.Services.AddSingleton(sp => new DirectoryWatchers(() => catalogue.Current, settings, sp.GetRequiredService<ILogger<DirectoryWatchers>>()));
        builder.Services.AddSingleton(sp => new FileRecorder(store, () => catalogue.Current, settings.ContentCapBytes, sp.GetRequiredService<ILogger<FileRecorder>>()));
        builder.Services.AddSingleton(sp => new InstallationRecorder(store, () => catalogue.Current, sp.GetRequiredService<ILogger<InstallationRecorder>>()));
        builder.Services.AddSingleton(sp => new Reconciler(() => catalogue.Current, sp.GetRequiredService<FileRecorder>(), sp.GetRequiredService<InstallationRecorder>(), sp.GetRequiredService<ILogger<Reconciler>>()));
        builder.Services.AddSingleton<IApiOperation, RevertOperation>();
        builder.Services.AddSingleton(new Verifier());
        builder.Services.AddSingleton(new VerificationLog(store));
        builder.Services.AddSingleton(DesktopNotifierFactory.Create(settings.Platform));
        builder.Services.AddSingleton<DriftNotifier>();
        builder.Services.AddSingleton<VerificationRunner>();
        builder.Services.AddSingleton<IApiOperation, RecordVerificationOperation>();
        builder.Services.AddSingleton<IApiOperation, WatchProjectOperation>();
        builder.Services.AddSingleton<IApiOperation, ReportOperation>();

        // Start order is registration order; stop order is the reverse.
        builder.Services.AddHostedService<DaemonLifecycleService>();
        builder.Services.AddHostedService<LocalApiServer>();
        builder.Services.AddHostedService<WatchService>();
        builder.Services.AddHostedService<VerificationScheduler>();
        builder.Services.AddHostedService<ClockChangeRearmer>();

        builder.Services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = 2);
            q.AddJob<ReconcileJob>(job => job.WithIdentity(ReconcileJob.Key));
            q.AddTrigger(t => t
                .ForJob(ReconcileJob.Key)
                .WithIdentity("reconcile-every", "gowatch")
                .StartAt(DateTimeOffset.UtcNow + settings.ReconcileInterval)
                // The default misfire policy of a repeat-forever trigger skips to the next slot:
                // after a sleep, missed slots do not run one after another.
                .WithSimpleSchedule(s => s.WithInterval(settings.ReconcileInterval).RepeatForever()));

            q.AddJob<VerifyJob>(job => job.WithIdentity(VerifyJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(VerifyJob.Key)
                .WithIdentity("verify-every", "gowatch")
                .UsingJobData(VerifyJob.TriggerKey, Triggers.Schedule)
                .StartAt(DateTimeOffset.UtcNow + settings.VerifyInterval)
                .WithSimpleSchedule(s => s.WithInterval(settings.VerifyInterval).RepeatForever()));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        return builder.Build();
    }
}
