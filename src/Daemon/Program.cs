using GoWatch.Daemon.Hosting;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Platform.Locations;
using GoWatch.Platform.Security;
using GoWatch.Platform.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace GoWatch.Daemon;

public static class Program
{
    /// <summary>How long the daemon waits at start for a store another process holds.</summary>
    private static readonly TimeSpan StoreLockPatience = TimeSpan.FromSeconds(15);

    private const string Usage = """
        gowatchd — the GoWatch daemon: records every change to the files that decide which Go runs.

        Usage: gowatchd [--allow-root]

        Runs in the foreground until interrupted (launchd or systemd --user keep it running).
        Settings come from ~/.config/gowatch/config.json and GOWATCH_* variables, e.g.
          GOWATCH_DATA_DIR   where the event store, lock and socket live
          GOWATCH_LOG_DIR    where logs go
          GOWATCH_PLATFORM   macos | linux rules (default: detected)

        Options:
          --allow-root   run even as root (refused by default)
          -h, --help     show this help
          --version      show the version
        """;

    public static async Task<int> Main(string[] args)
    {
        var allowRoot = false;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "-h" or "--help":
                    Console.WriteLine(Usage);
                    return 0;
                case "--version":
                    Console.WriteLine(DaemonLifecycleService.Version);
                    return 0;
                case "--allow-root":
                    allowRoot = true;
                    break;
                default:
                    Console.Error.WriteLine($"gowatchd: unknown argument '{arg}'. See gowatchd --help.");
                    return 2;
            }
        }

        GoWatchSettings settings;
        try
        {
            settings = SettingsLoader.Load();
        }
        catch (SettingsException ex)
        {
            Console.Error.WriteLine($"gowatchd: {ex.Message}");
            return 2;
        }

        ProcessUmask.RestrictToOwner();
        if (UserIdentity.IsRoot && !allowRoot && !settings.AllowRoot)
        {
            Console.Error.WriteLine("gowatchd: refusing to run as root. GoWatch watches one user's setup and runs as that user; pass --allow-root (or set GOWATCH_ALLOW_ROOT=1) if you really mean it.");
            return 1;
        }

        // Under launchd the console is a log file nothing rotates: start-up errors go to the
        // rolling file there (StandardErrorPath still catches a crash before the logger exists).
        Log.Logger = (DaemonLogSinks.Console()
                ? new LoggerConfiguration().WriteTo.Console()
                : new LoggerConfiguration().WriteTo.File(Path.Combine(settings.LogDir, "gowatchd-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14))
            .CreateBootstrapLogger();
        if (HostArchitecture.TranslationWarning("gowatchd") is { } rosetta)
        {
            Log.Warning("{Warning}", rosetta);
        }
        // An always-on process: LiteDB's page cache must not keep a burst's high-water mark for good.
        if (!PageCacheLimit.Apply())
        {
            Log.Warning("This LiteDB has no page cache segment sizes to bound: its cache grows as LiteDB decides");
        }
        IEventStore store;
        try
        {
            Directory.CreateDirectory(settings.LogDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            // A CLI command may hold the store for a moment (a shell prompt running `gowatch status`):
            // wait for it rather than give up.
            store = LiteDbEventStore.Open(settings.StorePath, settings.LockPath, lockPatience: StoreLockPatience);
        }
        catch (StoreLockedException ex)
        {
            Log.Error("The store in {DataDir} is still held by another process after {Seconds} s ({Holder}); only one process may write it. If that is another gowatchd, stop it first",
                settings.DataDir, StoreLockPatience.TotalSeconds, ex.Holder ?? "it did not say who it is");
            return 1;
        }
        catch (Exception ex) when (ex is StoreUnavailableException or IOException or UnauthorizedAccessException)
        {
            Log.Error("{Message}", ex.Message);
            return 1;
        }

        IHost? host = null;
        try
        {
            host = DaemonHost.Build(settings, store, args);
            var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            try
            {
                await host.StartAsync();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Told to stop (SIGTERM from launchd or systemd) while still starting: the host gives
                // up its start without stopping what had started, so stop that now, as a normal stop would.
                await host.StopAsync(TimeSpan.FromSeconds(10));
                Log.Information("gowatchd stopped while it was starting");
                return 0;
            }
            await host.WaitForShutdownAsync();
            return 0;
        }
        catch (GoWatch.Daemon.Api.LocalApiUnavailableException ex)
        {
            Log.Fatal("{Message}", ex.Message);
            return 1;
        }
        catch (Exception ex)
        {
            Log.Fatal(ex, "gowatchd stopped unexpectedly");
            return 1;
        }
        finally
        {
            host?.Dispose();
            store.Dispose();
            await Log.CloseAndFlushAsync();
        }
    }
}
