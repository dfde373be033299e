using System.Diagnostics;
using System.Text.Json;
using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Serialization;

namespace GoWatch.EndToEnd.Tests.Recording;

/// <summary>The whole loop with real processes: a startup file changes, gowatchd records it, gowatch shows it.</summary>
public sealed class ShellStartupRecordingTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string Zshrc => _h.HomePath(".zshrc");

    private static bool IsFile<T>(EventEnvelope e, string path) where T : IFileEvent => e.Data is T f && f.Path == path;

    [Fact]
    public void An_appended_line_is_in_history_within_a_second_and_diff_shows_it()
    {
        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\n");
        using var daemon = _h.StartDaemon();

        var written = Stopwatch.StartNew();
        File.AppendAllText(Zshrc, "export PATH=$PATH:$GOPATH/bin\n");
        var seen = _h.WaitForEvent(e => IsFile<FileChanged>(e, Zshrc), TimeSpan.FromSeconds(5));
        var latency = written.Elapsed;

        Assert.NotNull(seen);
        Assert.True(latency < TimeSpan.FromSeconds(1), $"recorded after {latency.TotalMilliseconds:0} ms\n{daemon.Output}");

        var history = _h.Cli("history", "--json");
        Assert.Equal(0, history.ExitCode);
        var events = JsonDocument.Parse(history.Stdout).RootElement.EnumerateArray().ToList();
        var changed = Assert.Single(events, e => e.GetProperty("type").GetString() == "FileChanged");
        Assert.Equal(Zshrc, changed.GetProperty("data").GetProperty("path").GetString());
        foreach (var field in new[] { "position", "time", "stream", "version", "type", "source", "data" })
        {
            Assert.True(changed.TryGetProperty(field, out _), $"history --json lacks {field}");
        }

        var diff = _h.Cli("diff", changed.GetProperty("position").GetInt64().ToString());
        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("+export PATH=$PATH:$GOPATH/bin", diff.Stdout);
        Assert.Contains(" export GOPATH=$HOME/go", diff.Stdout);
    }

    [Fact]
    public void Creating_deleting_and_atomically_saving_files_record_one_event_each()
    {
        File.WriteAllText(Zshrc, "# zshrc\n");
        using var daemon = _h.StartDaemon();
        var zprofile = _h.HomePath(".zprofile");

        File.WriteAllText(zprofile, "eval \"$(/opt/homebrew/bin/brew shellenv)\"\n");
        Assert.NotNull(_h.WaitForEvent(e => IsFile<FileCreated>(e, zprofile), TimeSpan.FromSeconds(5)));

        File.Delete(zprofile);
        Assert.NotNull(_h.WaitForEvent(e => IsFile<FileDeleted>(e, zprofile), TimeSpan.FromSeconds(5)));

        // How vim and VS Code save: write a temp file beside it, then rename over it.
        var temp = _h.HomePath(".zshrc.tmp~");
        File.WriteAllText(temp, "# zshrc\nexport GO111MODULE=on\n");
        File.Move(temp, Zshrc, overwrite: true);
        Assert.NotNull(_h.WaitForEvent(e => IsFile<FileChanged>(e, Zshrc), TimeSpan.FromSeconds(5)));
        Thread.Sleep(1000);

        var history = _h.Cli("history", "--json", "--path", Zshrc);
        var types = JsonDocument.Parse(history.Stdout).RootElement.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["FileChanged", "FileObserved"], types);
        var tempEvents = _h.Cli("history", "--json", "--path", temp);
        Assert.Equal("[]", tempEvents.Stdout.Trim());
    }

    [Fact]
    public void A_change_made_while_the_daemon_was_down_is_recorded_once_at_the_next_start()
    {
        File.WriteAllText(Zshrc, "v1\n");
        using (var first = _h.StartDaemon())
        {
            first.StopCleanly();
        }

        File.WriteAllText(Zshrc, "v1\nexport PATH=/usr/local/go/bin\n");
        using (var second = _h.StartDaemon())
        {
            second.StopCleanly();
        }
        using (var third = _h.StartDaemon())
        {
            third.StopCleanly();
        }

        var history = _h.Cli("history", "--json", "--path", "~/.zshrc");
        Assert.Equal(0, history.ExitCode);
        var types = JsonDocument.Parse(history.Stdout).RootElement.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["FileChanged", "FileObserved"], types);
        var all = _h.Cli("history", "--json", "--type", "DaemonStarted", "--type", "DaemonStopped");
        Assert.Equal(6, JsonDocument.Parse(all.Stdout).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task After_a_kill_9_in_the_middle_of_a_burst_the_store_opens_and_the_final_content_is_recorded_without_duplicates()
    {
        File.WriteAllText(Zshrc, "start\n");
        var daemon = _h.StartDaemon();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                File.WriteAllText(Zshrc, $"start\nline {i}\n");
                Thread.Sleep(i % 7 == 0 ? 30 : 2);
            }
        });
        Thread.Sleep(400);
        daemon.Crash();
        await writer;
        File.WriteAllText(Zshrc, "final content\n");
        daemon.Dispose();

        using var restarted = _h.StartDaemon();
        restarted.StopCleanly();

        var history = _h.Cli("history", "--json", "--limit", "0");
        Assert.Equal(0, history.ExitCode);
        var events = JsonDocument.Parse(history.Stdout).RootElement.EnumerateArray().Select(e => EventJson.FromJson(e)).ToList();
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i).Reverse(), events.Select(e => e.Position));
        var stream = events.Where(e => e.Stream == "file:" + Zshrc).OrderBy(e => e.Version).ToList();
        Assert.Equal(Enumerable.Range(1, stream.Count).Select(i => (long)i), stream.Select(e => e.Version));
        // No event repeats the state the one before it already recorded.
        var hashes = stream.Select(e => e.Data switch { FileCreated c => c.AfterSha256, FileChanged c => c.AfterSha256, _ => null }).ToList();
        Assert.All(hashes.Zip(hashes.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        var last = Assert.IsType<FileChanged>(stream[^1].Data);
        var show = _h.Cli("diff", stream[^1].Position.ToString());
        Assert.Contains("+final content", show.Stdout);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Zshrc))), last.AfterSha256);
    }
}
