using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events.Model;

namespace GoWatch.EndToEnd.Tests.Faults;

/// <summary>8 KiB of garbage in the middle of events.db: refused by gowatchd and gowatch in one line, checked, recovered, never written.</summary>
public sealed class StoreDamageTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string Store => Path.Combine(_h.DataDir, "events.db");

    [Fact]
    public void A_store_with_a_damaged_page_is_refused_checked_and_recovered_and_stays_byte_identical()
    {
        // Given a store with a few hundred events, then 8 KiB of random bytes written into its middle
        var zshrc = _h.HomePath(".zshrc");
        File.WriteAllText(zshrc, "export GOPATH=$HOME/go\n");
        using (var daemon = _h.StartDaemon())
        {
            for (var i = 0; i < 40; i++)
            {
                File.AppendAllText(zshrc, $"export V{i}={Convert.ToBase64String(new byte[300 + i])}\n");
                var sha = StoreAudit.Sha256(zshrc);
                Assert.NotNull(_h.WaitForEvent(e => e.Data is FileChanged c && c.AfterSha256 == sha, TimeSpan.FromSeconds(10)));
            }
            daemon.StopCleanly();
        }
        var garbage = new byte[8192];
        new Random(13).NextBytes(garbage);
        using (var f = new FileStream(Store, FileMode.Open, FileAccess.Write))
        {
            f.Position = f.Length / 2 + 1234;
            f.Write(garbage);
        }
        var sha256 = StoreAudit.Sha256(Store);

        // When gowatchd, history and status open it
        var started = _h.RunDaemonToExit();
        var history = _h.Cli("history");
        var status = _h.Cli("status");

        // Then each refuses with one line naming the damage, and nothing is written into the file
        foreach (var r in new[] { started, history, status })
        {
            Assert.True(r.ExitCode == 1, r.ToString());
            Assert.Contains("is damaged", r.All);
            Assert.DoesNotContain("   at ", r.All, StringComparison.Ordinal);
            Assert.DoesNotContain("LiteException", r.All, StringComparison.Ordinal);
        }
        Assert.Single(history.Stderr.Trim().Split('\n'));
        Assert.Equal(sha256, StoreAudit.Sha256(Store));

        // And store check says damaged (exit 1); store recover copies what is readable into a store that works
        var check = _h.Cli("store", "check");
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("damaged", check.Stdout);
        var target = Path.Combine(_h.Root, "recovered");
        var recover = _h.Cli("store", "recover", "--to", target);
        Assert.True(recover.ExitCode == 0, recover.ToString());
        Assert.Matches(@"Recovered \d+ event\(s\)", recover.Stdout);
        Assert.Equal(sha256, StoreAudit.Sha256(Store));

        _h.Environment["GOWATCH_DATA_DIR"] = target;
        Assert.Equal(0, _h.Cli("store", "check").ExitCode);
        var recovered = _h.Cli("history", "--json");
        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        Assert.Contains("FileChanged", recovered.Stdout);
    }
}
