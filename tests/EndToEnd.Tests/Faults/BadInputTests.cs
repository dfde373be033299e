using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;

namespace GoWatch.EndToEnd.Tests.Faults;

/// <summary>
/// Bad input of every kind: a clear message where a user sees one, the daemon keeps running,
/// and nothing already recorded is lost (the events before are all still there, unchanged).
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly GoWatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string Zshrc => _h.HomePath(".zshrc");

    private static string P(long position) => position.ToString(CultureInfo.InvariantCulture);

    private EventEnvelope WaitFor(Func<EventEnvelope, bool> match, DaemonProcess daemon, string what, int seconds = 10) =>
        _h.WaitForEvent(match, TimeSpan.FromSeconds(seconds))
        ?? throw new Xunit.Sdk.XunitException($"no {what} within {seconds} s\n{string.Join("\n", StoreAudit.ThroughDaemon(_h).Select(e => $"{e.Position} {e.Type} {e.Stream}"))}\n{daemon.Output}");

    /// <summary>Given a daemon that has recorded a healthy .zshrc: returns it and the events so far.</summary>
    private (DaemonProcess Daemon, IReadOnlyList<EventEnvelope> Before) GivenARecordedSetup()
    {
        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\nexport PATH=$PATH:$GOPATH/bin\n");
        var daemon = _h.StartDaemon();
        WaitFor(e => e.Data is VerificationCompleted { Trigger: "startup" }, daemon, "startup verification", 30);
        return (daemon, StoreAudit.ThroughDaemon(_h));
    }

    /// <summary>Then the daemon still runs and answers, and every event recorded before is still there, unchanged.</summary>
    private void ThenNothingIsLost(DaemonProcess daemon, IReadOnlyList<EventEnvelope> before)
    {
        try
        {
            NothingIsLost(daemon, before);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{ex}\n--- gowatchd\n{daemon.Output}");
        }
    }

    private void NothingIsLost(DaemonProcess daemon, IReadOnlyList<EventEnvelope> before)
    {
        Assert.False(daemon.HasExited, "gowatchd exited:\n" + daemon.Output);
        var after = StoreAudit.ThroughDaemon(_h);
        Assert.True(after.Count >= before.Count);
        Assert.Equal(before.Select(e => (e.Id, e.Position, e.Type)), after.Take(before.Count).Select(e => (e.Id, e.Position, e.Type)));
        StoreAudit.AssertConsistent(after);
        var history = _h.Cli("history", "--json", "--limit", "0");
        Assert.True(history.ExitCode == 0, history.ToString());
        // The daemon may record more meanwhile (a verification after the change): nothing read before may be missing.
        var listed = JsonDocument.Parse(history.Stdout).RootElement.EnumerateArray().Select(e => e.GetProperty("position").GetInt64()).ToHashSet();
        Assert.All(after, e => Assert.Contains(e.Position, listed));
    }

    [Fact]
    public void An_unreadable_rc_file_mode_000_is_recorded_as_FileUnreadable_for_a_normal_user_and_recorded_again_once_readable()
    {
        Assert.True(Unprivileged.CanSwitchUser, "needs root and setpriv to run gowatchd as an unprivileged user (root reads mode 000 files)");
        // Given gowatchd running as nobody, who owns the temp HOME and data dir
        _h.RunAsUid = Unprivileged.Nobody;
        _h.Environment["DOTNET_CLI_HOME"] = _h.Root;
        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\n");
        Unprivileged.Chown(_h.Root, Unprivileged.Nobody);
        var (daemon, before) = GivenARecordedSetup();

        // When .zshrc loses every permission bit
        File.SetUnixFileMode(Zshrc, UnixFileMode.None);
        File.AppendAllText(Zshrc, "# touched\n"); // root may still write it; the owner may not read it

        // Then it is recorded as unreadable, with the reason, and history says so
        var unreadable = WaitFor(e => e.Data is FileUnreadable u && u.Path == Zshrc, daemon, "FileUnreadable");
        Assert.Contains("permission denied", ((FileUnreadable)unreadable.Data).Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("FileUnreadable", _h.Cli("history", "--path", Zshrc).Stdout);
        ThenNothingIsLost(daemon, before);

        // And once readable again its content is recorded
        File.SetUnixFileMode(Zshrc, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var sha = StoreAudit.Sha256(Zshrc);
        WaitFor(e => e.Data is FileChanged c && c.Path == Zshrc && c.AfterSha256 == sha, daemon, "FileChanged once readable");
        daemon.StopCleanly();
    }

    [Fact]
    public void A_file_replaced_by_a_directory_is_recorded_as_FileUnreadable_and_a_file_again_later()
    {
        var (daemon, before) = GivenARecordedSetup();

        File.Delete(Zshrc);
        Directory.CreateDirectory(Zshrc);

        var e = WaitFor(e => e.Data is FileUnreadable u && u.Path == Zshrc, daemon, "FileUnreadable");
        Assert.Contains("directory", ((FileUnreadable)e.Data).Reason, StringComparison.Ordinal);
        var show = _h.Cli("show", P(e.Position));
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("directory", show.Stdout);
        ThenNothingIsLost(daemon, before);

        Directory.Delete(Zshrc);
        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\n");
        WaitFor(e => e.Data is FileChanged or FileCreated && e.Path == Zshrc && e.Position > before.Count + 1, daemon, "the file recorded again");
        daemon.StopCleanly();
    }

    [Fact]
    public void A_symlink_loop_in_place_of_an_rc_file_is_recorded_as_FileUnreadable_naming_the_symlink()
    {
        var (daemon, before) = GivenARecordedSetup();
        var bashrc = _h.HomePath(".bashrc");

        File.CreateSymbolicLink(bashrc + ".b", bashrc);
        File.CreateSymbolicLink(bashrc, bashrc + ".b");

        var e = WaitFor(e => e.Data is FileUnreadable u && u.Path == bashrc, daemon, "FileUnreadable for the loop");
        Assert.Contains("symbolic links", ((FileUnreadable)e.Data).Reason, StringComparison.Ordinal);
        Assert.Equal(0, _h.Cli("show", P(e.Position), "--json").ExitCode);
        ThenNothingIsLost(daemon, before);
        var doctor = _h.Cli("doctor", "--json");
        Assert.Contains(doctor.ExitCode, new[] { 0, 1 });
        JsonDocument.Parse(doctor.Stdout);
        daemon.StopCleanly();
    }

    [Fact]
    public void A_binary_rc_file_is_recorded_byte_exact_and_shown_as_binary_not_as_text()
    {
        var (daemon, before) = GivenARecordedSetup();
        var bytes = new byte[4096];
        new Random(1).NextBytes(bytes);
        bytes[10] = 0;

        File.WriteAllBytes(Zshrc, bytes);

        var sha = StoreAudit.Sha256(Zshrc);
        var e = WaitFor(e => e.Data is FileChanged c && c.Path == Zshrc && c.AfterSha256 == sha, daemon, "FileChanged to binary");
        Assert.True(((FileChanged)e.Data).ContentStored);
        foreach (var args in new[] { new[] { "diff", P(e.Position) }, ["show", P(e.Position)], ["show", P(e.Position), "--json"], ["history"] })
        {
            var r = _h.Cli(args);
            Assert.True(r.ExitCode == 0, $"{string.Join(' ', args)}: {r}");
            Assert.DoesNotContain("\0", r.Stdout, StringComparison.Ordinal);
        }
        Assert.Contains("binary", _h.Cli("diff", P(e.Position)).Stdout, StringComparison.OrdinalIgnoreCase);
        ThenNothingIsLost(daemon, before);
        daemon.Stop();
        using var store = LiteDbEventStore.Open(Path.Combine(_h.DataDir, "events.db"), Path.Combine(_h.DataDir, "gowatch.lock"));
        Assert.Equal(bytes, store.Get(sha));
    }

    [Fact]
    public void A_50_MB_rc_file_is_fingerprinted_not_snapshotted_and_the_daemon_stays_small()
    {
        var (daemon, before) = GivenARecordedSetup();
        var storeBefore = new FileInfo(Path.Combine(_h.DataDir, "events.db")).Length + new FileInfo(Path.Combine(_h.DataDir, "events-log.db")).Length;

        using (var big = File.Create(Zshrc))
        {
            var line = Encoding.UTF8.GetBytes("export GOPATH=$HOME/go # padding padding padding padding padding padding\n");
            for (var written = 0L; written < 50L * 1024 * 1024; written += line.Length)
            {
                big.Write(line);
            }
        }

        var sha = StoreAudit.Sha256(Zshrc);
        var e = WaitFor(e => e.Data is FileChanged c && c.Path == Zshrc && c.AfterSha256 == sha, daemon, "FileChanged of the 50 MB file", 30);
        var changed = (FileChanged)e.Data;
        Assert.False(changed.ContentStored);
        Assert.True(changed.Size >= 50L * 1024 * 1024);
        var storeAfter = new FileInfo(Path.Combine(_h.DataDir, "events.db")).Length + new FileInfo(Path.Combine(_h.DataDir, "events-log.db")).Length;
        Assert.True(storeAfter - storeBefore < 5 * 1024 * 1024, $"the store grew by {storeAfter - storeBefore} bytes");
        var peakKb = PeakRssKb(daemon.Pid);
        Assert.True(peakKb < 250 * 1024, $"gowatchd peaked at {peakKb / 1024} MB RSS while hashing a 50 MB file");
        var diff = _h.Cli("diff", P(e.Position));
        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("no diff", diff.Stderr);
        ThenNothingIsLost(daemon, before);
        daemon.StopCleanly();
    }

    [Fact]
    public void An_rc_file_with_invalid_UTF8_is_recorded_byte_exact_and_every_command_still_prints()
    {
        var (daemon, before) = GivenARecordedSetup();
        var bytes = "export GOPATH=$HOME/go\nexport A="u8.ToArray().Concat(new byte[] { 0xc3, 0x28, 0xff, 0xfe, 0xa0 }).Concat("\n"u8.ToArray()).ToArray();

        File.WriteAllBytes(Zshrc, bytes);

        var sha = StoreAudit.Sha256(Zshrc);
        var e = WaitFor(e => e.Data is FileChanged c && c.Path == Zshrc && c.AfterSha256 == sha, daemon, "FileChanged");
        foreach (var args in new[] { new[] { "diff", P(e.Position) }, ["diff", P(e.Position), "--json"], ["show", P(e.Position)], ["history", "--json"], ["revert", P(e.Position), "--dry-run"] })
        {
            var r = _h.Cli(args);
            Assert.True(r.ExitCode == 0, $"{string.Join(' ', args)}: {r}");
        }
        Assert.Contains("+export A=", _h.Cli("diff", P(e.Position)).Stdout);
        ThenNothingIsLost(daemon, before);
        daemon.Stop();
        using var store = LiteDbEventStore.Open(Path.Combine(_h.DataDir, "events.db"), Path.Combine(_h.DataDir, "gowatch.lock"));
        Assert.Equal(bytes, store.Get(sha));
    }

    [Fact]
    public void Malformed_XML_in_GoLand_options_and_recent_projects_is_recorded_and_doctor_still_reports()
    {
        var options = _h.HomePath(".config/JetBrains/GoLand2024.1/options");
        Directory.CreateDirectory(options);
        var (daemon, before) = GivenARecordedSetup();

        File.WriteAllText(Path.Combine(options, "go.sdk.xml"), "<application><component name=\"GoSdk\"><sdk path=");
        File.WriteAllText(Path.Combine(options, "recentProjects.xml"), "<application><<<");

        WaitFor(e => e.Data is FileCreated c && c.Path == Path.Combine(options, "go.sdk.xml"), daemon, "go.sdk.xml recorded");
        WaitFor(e => e.Data is FileCreated c && c.Path == Path.Combine(options, "recentProjects.xml"), daemon, "recentProjects.xml recorded");
        var doctor = _h.Cli("doctor", "--json");
        Assert.True(doctor.ExitCode is 0 or 1, doctor.ToString());
        Assert.Equal(1, JsonDocument.Parse(doctor.Stdout).RootElement.GetProperty("schemaVersion").GetInt32());
        WaitFor(e => e.Data is VerificationCompleted { Trigger: "change" }, daemon, "a verification after the change", 15);
        ThenNothingIsLost(daemon, before);
        daemon.StopCleanly();
    }

    [Fact]
    public void A_malformed_JSON_config_file_makes_gowatch_and_gowatchd_exit_2_naming_the_file()
    {
        var config = Path.Combine(_h.Root, "config.json");
        File.WriteAllText(config, "{ \"debounceMs\": 200, ");
        _h.Environment["GOWATCH_CONFIG"] = config;

        var cli = _h.Cli("history");
        var daemon = _h.RunDaemonToExit();

        foreach (var r in new[] { cli, daemon })
        {
            Assert.True(r.ExitCode == 2, r.ToString());
            Assert.Contains(config, r.Stderr);
            Assert.Contains("not valid JSON", r.Stderr);
        }
        Assert.False(File.Exists(Path.Combine(_h.DataDir, "events.db")));
    }

    public static TheoryData<string, string> BrokenGos => new()
    {
        { "hangs", "#!/bin/sh\nexec sleep 300\n" },
        { "crashes", "#!/bin/sh\nkill -SEGV $$\n" },
        { "prints garbage", "#!/bin/sh\nif [ \"$1\" = env ]; then printf '\\377{not json at all'; exit 0; fi\necho 'go version ???'\n" },
    };

    [Theory]
    [MemberData(nameof(BrokenGos))]
    public void A_go_that_misbehaves_is_reported_by_doctor_with_what_went_wrong_and_the_daemon_keeps_verifying(string how, string script)
    {
        // Given a fake go first on the login shell's PATH
        var bin = Path.Combine(_h.Root, "fake go", "bin");
        Directory.CreateDirectory(bin);
        Executables.Write(Path.Combine(bin, "go"), script);
        File.WriteAllText(Zshrc, $"export PATH='{bin}':$PATH\n");
        using var daemon = _h.StartDaemon();

        // When doctor runs
        var clock = Stopwatch.StartNew();
        var doctor = _h.Cli("doctor");
        var json = _h.Cli("doctor", "--json");

        // Then it finishes (a hanging go is killed at its timeout), says which go and what went wrong
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(55), $"doctor took {clock.Elapsed}");
        Assert.True(doctor.ExitCode is 0 or 1, doctor.ToString());
        Assert.True(json.ExitCode == doctor.ExitCode, json.ToString());
        Assert.Contains(Path.Combine(bin, "go"), doctor.Stdout);
        var expected = how switch { "hangs" => "did not finish", "crashes" => "exited with code", _ => "not JSON" };
        Assert.Contains(expected, doctor.Stdout);
        Assert.Contains(expected, json.Stdout);

        // And the daemon recorded its own verification and is still running, with no go left behind
        WaitFor(e => e.Data is VerificationCompleted { Trigger: "startup" }, daemon, "startup verification", 40);
        WaitFor(e => e.Data is VerificationCompleted { Trigger: "cli" }, daemon, "the doctor run", 5);
        Assert.False(daemon.HasExited);
        Thread.Sleep(500);
        Assert.Empty(ProcessesMentioning(bin));
        daemon.StopCleanly();
    }

    [Fact]
    public void A_missing_login_shell_is_an_error_finding_and_the_daemon_keeps_running()
    {
        // Configured explicitly: a stale $SHELL alone gives way to the user record (SPEC §2).
        _h.Environment["GOWATCH_SHELL"] = "/nonexistent/zsh";
        var (daemon, before) = GivenARecordedSetup();

        var doctor = _h.Cli("doctor");

        Assert.Equal(1, doctor.ExitCode);
        Assert.Contains("shell.startup-failed", doctor.Stdout);
        Assert.Contains("/nonexistent/zsh does not exist", doctor.Stdout);
        Assert.Contains(StoreAudit.ThroughDaemon(_h), e => e.Data is DriftDetected { CheckId: "shell.startup-failed" });
        ThenNothingIsLost(daemon, before);
        daemon.StopCleanly();
    }

    [Fact]
    public void A_syntax_error_in_zshrc_is_an_error_finding_that_points_at_the_file_and_line()
    {
        var (daemon, before) = GivenARecordedSetup();

        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\nif [ -d /tmp ]; then\n  export X=1\n");

        WaitFor(e => e.Data is DriftDetected { CheckId: "shell.startup-failed" }, daemon, "DriftDetected shell.startup-failed", 20);
        var doctor = _h.Cli("doctor", "--json");
        Assert.Equal(1, doctor.ExitCode);
        var finding = JsonDocument.Parse(doctor.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == "shell.startup-failed");
        Assert.Contains(finding.GetProperty("evidence").EnumerateArray(), ev => ev.GetProperty("file").GetString() is { } f && f.EndsWith(".zshrc", StringComparison.Ordinal));
        ThenNothingIsLost(daemon, before);
        daemon.StopCleanly();
    }

    [Fact]
    public void A_data_dir_that_cannot_be_created_makes_gowatchd_and_gowatch_exit_1_naming_it()
    {
        var file = Path.Combine(_h.Root, "a-file");
        File.WriteAllText(file, "not a directory\n");
        _h.Environment["GOWATCH_DATA_DIR"] = Path.Combine(file, "data");

        var daemon = _h.RunDaemonToExit();
        var cli = _h.Cli("history");

        foreach (var r in new[] { daemon, cli })
        {
            Assert.True(r.ExitCode == 1, r.ToString());
            Assert.Contains(Path.Combine(file, "data"), r.Stdout + r.Stderr);
            Assert.DoesNotContain("   at ", r.Stdout + r.Stderr, StringComparison.Ordinal);
        }
        Assert.Equal("not a directory\n", File.ReadAllText(file));
    }

    [Fact]
    public void A_read_only_data_dir_makes_gowatchd_and_gowatch_exit_1_with_a_clear_message_and_leaves_the_store_as_it_was()
    {
        Assert.True(Unprivileged.IsRoot, "needs root to mount a tmpfs (chmod does not stop root)");
        // Given a store recorded on a small tmpfs, then remounted read-only
        Directory.CreateDirectory(_h.DataDir);
        using var mount = TmpfsMount.Create(_h.DataDir, "8m");
        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\n");
        using (var first = _h.StartDaemon())
        {
            first.StopCleanly();
        }
        var store = Path.Combine(_h.DataDir, "events.db");
        var sha = StoreAudit.Sha256(store);
        mount.Remount("ro");

        var daemon = _h.RunDaemonToExit();
        var cli = _h.Cli("history");

        foreach (var r in new[] { daemon, cli })
        {
            Assert.True(r.ExitCode == 1, r.ToString());
            Assert.Contains(_h.DataDir, r.Stdout + r.Stderr);
            Assert.Contains("Read-only", r.Stdout + r.Stderr, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", r.Stdout + r.Stderr, StringComparison.Ordinal);
        }
        Assert.Equal(sha, StoreAudit.Sha256(store));
    }

    [Fact]
    public void A_full_data_dir_fails_the_appends_it_cannot_make_keeps_the_daemon_running_and_loses_nothing()
    {
        Assert.True(Unprivileged.IsRoot, "needs root to mount a tmpfs");
        // Given the daemon recording on a data dir with little room left
        Directory.CreateDirectory(_h.DataDir);
        using var mount = TmpfsMount.Create(_h.DataDir, "4m");
        var (daemon, before) = GivenARecordedSetup();
        var filler = Path.Combine(_h.DataDir, "filler");
        using (var f = File.Create(filler))
        {
            var chunk = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    f.Write(chunk);
                    f.Flush();
                }
            }
            catch (IOException)
            {
                // Full.
            }
        }

        // When a change arrives that cannot be stored
        var content = new byte[512 * 1024];
        new Random(3).NextBytes(content);
        File.WriteAllBytes(Zshrc, content);
        Thread.Sleep(2000);

        // Then the daemon says so in its log and keeps running; gowatch answers, or says plainly why not
        Assert.False(daemon.HasExited, daemon.Output);
        Assert.Contains("No space left on device", daemon.Output);
        var whileFull = _h.Cli("history");
        Assert.True(whileFull.ExitCode == 0 || (whileFull.ExitCode == 1 && whileFull.Stderr.Contains("No space left on device", StringComparison.Ordinal)), whileFull.ToString());
        Assert.DoesNotContain("   at ", whileFull.Stderr, StringComparison.Ordinal);

        // And once there is room again, everything recorded before is intact and the change is recorded
        File.Delete(filler);
        ThenNothingIsLost(daemon, before);
        File.AppendAllText(Zshrc, "\n");
        var sha = StoreAudit.Sha256(Zshrc);
        WaitFor(e => e.Data is FileChanged c && c.Path == Zshrc && c.AfterSha256 == sha, daemon, "the change once there is room", 20);
        StoreAudit.AssertConsistent(StoreAudit.ThroughDaemon(_h));
        daemon.StopCleanly();
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("corrupt")]
    public void A_damaged_store_is_refused_by_gowatchd_and_gowatch_with_an_explanation_and_left_byte_identical(string damage)
    {
        // Given a store with a few events
        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\n");
        using (var first = _h.StartDaemon())
        {
            File.AppendAllText(Zshrc, "export PATH=$PATH:$GOPATH/bin\n");
            _h.WaitForEvent(e => e.Data is FileChanged, TimeSpan.FromSeconds(10));
            first.StopCleanly();
        }
        var store = Path.Combine(_h.DataDir, "events.db");
        var bytes = File.ReadAllBytes(store);
        if (damage == "truncated")
        {
            File.WriteAllBytes(store, bytes[..(bytes.Length / 2 + 100)]);
        }
        else
        {
            // Garbage over every page after the header, the length kept whole.
            var corrupt = (byte[])bytes.Clone();
            new Random(5).NextBytes(corrupt.AsSpan(8192));
            File.WriteAllBytes(store, corrupt);
        }
        var sha = StoreAudit.Sha256(store);
        var log = Path.Combine(_h.DataDir, "events-log.db");
        var logSha = File.Exists(log) ? StoreAudit.Sha256(log) : null;

        // When gowatchd and gowatch try to open it
        var daemon = _h.RunDaemonToExit();
        var history = _h.Cli("history");
        var status = _h.Cli("status");

        // Then both refuse, say why and what to do, and the files are untouched
        foreach (var r in new[] { daemon, history, status })
        {
            Assert.True(r.ExitCode == 1, r.ToString());
            Assert.Contains(store, r.Stdout + r.Stderr);
            Assert.Contains("left untouched", r.Stdout + r.Stderr);
            Assert.DoesNotContain("   at ", r.Stdout + r.Stderr, StringComparison.Ordinal);
        }
        Assert.Equal(sha, StoreAudit.Sha256(store));
        Assert.Equal(logSha, File.Exists(log) ? StoreAudit.Sha256(log) : null);
    }

    [Fact]
    public void An_event_type_this_version_does_not_know_is_listed_and_shown_and_does_not_disturb_recording()
    {
        // Given a store holding events a newer GoWatch wrote: one in the daemon stream, one last in .zshrc's stream
        File.WriteAllText(Zshrc, "export GOPATH=$HOME/go\n");
        using (var first = _h.StartDaemon())
        {
            first.StopCleanly();
        }
        long unknownPosition;
        using (var store = LiteDbEventStore.Open(Path.Combine(_h.DataDir, "events.db"), Path.Combine(_h.DataDir, "gowatch.lock")))
        {
            var data = JsonDocument.Parse("""{"path":"/x","quantum":42}""").RootElement.Clone();
            store.Append(new AppendRequest(Streams.Daemon, ExpectedVersion.Any, [new NewEvent(new UnknownEvent("FutureThing", data), EventSources.Daemon)]));
            unknownPosition = store.Append(new AppendRequest(Streams.File(Zshrc), ExpectedVersion.Any,
                [new NewEvent(new UnknownEvent("FileTeleported", data), EventSources.Daemon)])).Events[0].Position;
        }

        // When gowatch lists and shows them
        var json = _h.Cli("history", "--json");
        var human = _h.Cli("history");
        var show = _h.Cli("show", P(unknownPosition));
        var showJson = _h.Cli("show", P(unknownPosition), "--json");

        // Then they are there, as stored
        foreach (var r in new[] { json, human, show, showJson })
        {
            Assert.True(r.ExitCode == 0, r.ToString());
        }
        Assert.Contains(JsonDocument.Parse(json.Stdout).RootElement.EnumerateArray(), e => e.GetProperty("type").GetString() == "FutureThing");
        Assert.Contains("FileTeleported", human.Stdout);
        Assert.Contains("FileTeleported", show.Stdout);
        Assert.Equal(42, JsonDocument.Parse(showJson.Stdout).RootElement.GetProperty("data").GetProperty("quantum").GetInt32());

        // And the daemon starts on it, records nothing twice, and goes on recording
        using var daemon = _h.StartDaemon();
        Thread.Sleep(500);
        var events = StoreAudit.ThroughDaemon(_h);
        Assert.DoesNotContain(events, e => e.Position > unknownPosition && e.Path == Zshrc);
        File.AppendAllText(Zshrc, "export GOBIN=$HOME/bin\n");
        var sha = StoreAudit.Sha256(Zshrc);
        WaitFor(e => e.Data is FileChanged c && c.Path == Zshrc && c.AfterSha256 == sha, daemon, "FileChanged after the unknown event");
        StoreAudit.AssertConsistent(StoreAudit.ThroughDaemon(_h));
        daemon.StopCleanly();
    }

    private static long PeakRssKb(int pid) =>
        File.ReadAllLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).Single();

    private static List<string> ProcessesMentioning(string text)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(text, StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetFileName(dir)}: {cmdline}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
        return found;
    }
}
