using System.Diagnostics;
using System.Text.Json;
using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events.Model;

namespace GoWatch.EndToEnd.Tests.Faults;

/// <summary>The CLI used as processes while the daemon records a burst: no lock errors, nothing lost or doubled.</summary>
public sealed class ConcurrentCliTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task History_doctor_and_revert_dry_run_in_a_loop_during_a_burst_all_succeed_and_the_log_stays_whole()
    {
        // Given four recorded rc files and a recorded change to revert
        var files = new[] { _h.HomePath(".zshrc"), _h.HomePath(".bashrc"), _h.HomePath(".zprofile"), _h.HomePath(".profile") };
        foreach (var f in files)
        {
            File.WriteAllText(f, "export GOPATH=$HOME/go\n");
        }
        using var daemon = _h.StartDaemon();
        File.AppendAllText(files[0], "export PATH=$PATH:$GOPATH/bin\n");
        var change = _h.WaitForEvent(e => e.Data is FileChanged c && c.Path == files[0], TimeSpan.FromSeconds(10))
            ?? throw new TimeoutException("the change was not recorded");

        // When the daemon records a burst of writes for 15 s …
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(() =>
        {
            var random = new Random(7);
            while (!stop.IsCancellationRequested)
            {
                var f = files[1 + random.Next(files.Length - 1)];
                File.WriteAllText(f, $"export GOPATH=$HOME/go\n# write {writes++}\n");
                Thread.Sleep(random.Next(5, 40));
            }
        });

        // … while history, doctor and revert --dry-run run as processes, two loops at a time
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var runs = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task Loop(string[][] commands)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; clock.Elapsed < TimeSpan.FromSeconds(15); i++)
            {
                var args = commands[i % commands.Length];
                var result = await Task.Run(() => _h.Cli(args));
                runs.Add(args[0]);
                var allowed = args[0] switch
                {
                    "doctor" => new[] { 0, 1 },       // 0 no error findings, 1 error findings
                    "revert" => new[] { 0 },          // nothing changed since: the dry run shows the diff
                    _ => new[] { 0 },
                };
                if (!allowed.Contains(result.ExitCode) || result.Stderr.Contains("lock", StringComparison.OrdinalIgnoreCase)
                    || result.Stdout.Contains("locked", StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"gowatch {string.Join(' ', args)}: {result}");
                }
                if (args[0] == "history" && result.ExitCode == 0)
                {
                    // Then every listing is whole: positions N..1 without a hole or a repeat
                    var positions = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().Select(e => e.GetProperty("position").GetInt64()).ToList();
                    if (!positions.SequenceEqual(Enumerable.Range(1, positions.Count).Select(p => (long)p).Reverse()))
                    {
                        failures.Add($"history listed positions {string.Join(",", positions)}");
                    }
                }
            }
        }
        var pos = change.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Task.WhenAll(
            Loop([["history", "--json", "--limit", "0"], ["revert", pos, "--dry-run"]]),
            Loop([["doctor", "--json"], ["history", "--json", "--limit", "0"]]));
        stop.Cancel();
        await writer;

        Assert.True(failures.IsEmpty, string.Join("\n\n", failures) + "\n" + daemon.Output);
        Assert.Contains("doctor", runs);
        Assert.Contains("revert", runs);
        Assert.True(runs.Count >= 8, $"only {runs.Count} CLI runs in 15 s");

        // And after the burst settles the log is whole and holds every file's final content
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var events = StoreAudit.ThroughDaemon(_h);
            try
            {
                StoreAudit.AssertConsistent(events);
                StoreAudit.AssertFinalContentRecorded(events, files);
                Assert.True(events.Count(e => e.Data is VerificationCompleted { Trigger: "cli" }) >= 1);
                break;
            }
            catch (Xunit.Sdk.XunitException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
        Assert.Equal(change.Position, StoreAudit.ThroughDaemon(_h).Last(e => e.Data is FileChanged c && c.Path == files[0]).Position);
        daemon.StopCleanly();
    }
}
