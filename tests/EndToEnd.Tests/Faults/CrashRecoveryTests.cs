using System.Diagnostics;
using GoWatch.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace GoWatch.EndToEnd.Tests.Faults;

/// <summary>gowatchd killed with SIGKILL at random moments of write bursts, again and again.</summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Twenty_kill_9s_during_write_bursts_leave_a_store_that_opens_with_every_final_content_recorded_once_and_gap_free()
    {
        // Given five watched files in three directories and a daemon recording them
        var files = new[]
        {
            _h.HomePath(".zshrc"), _h.HomePath(".bashrc"), _h.HomePath(".zprofile"),
            _h.HomePath(".config/fish/config.fish"), _h.HomePath(".config/fish/conf.d/go.fish"),
        };
        Directory.CreateDirectory(_h.HomePath(".config/fish/conf.d"));
        foreach (var f in files)
        {
            File.WriteAllText(f, $"# {Path.GetFileName(f)}\n");
        }
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"seed {seed}");
        var clock = Stopwatch.StartNew();

        for (var round = 1; round <= 20; round++)
        {
            var context = $"(round {round}, seed {seed})";
            // When the daemon starts after the previous crash
            var daemon = _h.StartDaemon();
            // Then the store opened, the changes made while it was down are recorded, and the log is sound
            var events = StoreAudit.ThroughDaemon(_h);
            StoreAudit.AssertConsistent(events, context);
            StoreAudit.AssertFinalContentRecorded(events, files, context);

            // When a burst of writes runs and the daemon is killed somewhere in it
            using var stop = new CancellationTokenSource();
            var burstSeed = random.Next();
            var writer = Task.Run(() => Burst(files, round, new Random(burstSeed), stop.Token));
            Thread.Sleep(random.Next(20, 900));
            daemon.Crash();
            // (writes go on for a moment while it is down)
            Thread.Sleep(random.Next(0, 150));
            stop.Cancel();
            await writer;
            daemon.Dispose();
        }

        using var last = _h.StartDaemon();
        var final = StoreAudit.ThroughDaemon(_h);
        StoreAudit.AssertConsistent(final, "(after the last restart)");
        StoreAudit.AssertFinalContentRecorded(final, files, "(after the last restart)");
        Assert.Equal(21, final.Count(e => e.Type == "DaemonStarted"));
        Assert.True(final.Count(e => e.Type is "FileChanged") >= 20, $"only {final.Count(e => e.Type is "FileChanged")} changes recorded in 20 rounds");
        last.StopCleanly();
        output.WriteLine($"{final.Count} events, {clock.Elapsed.TotalSeconds:0} s");
    }

    private static void Burst(string[] files, int round, Random random, CancellationToken stop)
    {
        var i = 0;
        while (!stop.IsCancellationRequested)
        {
            var file = files[random.Next(files.Length)];
            var content = $"# {Path.GetFileName(file)}\nexport ROUND={round}\nexport N={i++}\n" + new string('x', random.Next(0, 4000)) + "\n";
            if (random.Next(4) == 0)
            {
                // An editor's atomic save, half of the time.
                var temp = file + ".gowatch-test~";
                File.WriteAllText(temp, content);
                File.Move(temp, file, overwrite: true);
            }
            else
            {
                File.WriteAllText(file, content);
            }
            Thread.Sleep(random.Next(0, 15));
        }
    }
}
