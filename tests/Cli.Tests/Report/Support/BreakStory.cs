using GoWatch.Cli.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Recording.Verification;

namespace GoWatch.Cli.Tests.Report.Support;

/// <summary>
/// A fortnight of a developer's machine recorded into a real store, as the daemon records it:
/// real edits through the recorder and verifications through <see cref="VerificationLog"/> (so
/// drift and its blame are the product's own), installations, notifications, a clean stop and
/// a crash. The positions and times it remembers are what a report must show.
/// </summary>
public sealed class BreakStory(CliScenario s)
{
    public static readonly string[] AllChecks = ["path.broken", "go.arch-mismatch", "goroot.mismatch", "go.not-found"];

    public long PathBreakingEdit { get; private set; }
    public long InstallChange { get; private set; }
    public long GoEnvEdit { get; private set; }
    public DateTimeOffset PathBrokeAt { get; private set; }
    public DateTimeOffset PathFixedAt { get; private set; }
    public DateTimeOffset ArchBrokeAt { get; private set; }
    public DateTimeOffset ArchFixedAt { get; private set; }
    public DateTimeOffset GorootBrokeAt { get; private set; }
    public DateTimeOffset StoppedAt { get; private set; }
    public DateTimeOffset RestartedAt { get; private set; }
    public DateTimeOffset LastBeforeCrash { get; private set; }
    public DateTimeOffset CrashRestartAt { get; private set; }
    public string GoEnv => s.HomePath(".config/go/env");
    public const string Install = "/usr/local/go";

    /// <summary>Records the story; the clock ends one hour after its last event.</summary>
    public BreakStory Record()
    {
        s.Given(r =>
        {
            var log = new VerificationLog(r.Store);
            r.Append(Streams.Daemon, new DaemonStarted(100, "1.0.0", "macos", "arm64", 12));
            r.Edit(s.Zshrc, "export PATH=\"/opt/homebrew/bin:$PATH\"\n");
            Verify(log, "startup");

            // Day 2: PATH wiped by an edit to ~/.zshrc; fixed two and a half hours later.
            s.Clock.Advance(TimeSpan.FromDays(2));
            PathBreakingEdit = r.Edit(s.Zshrc, "export PATH=\"/opt/homebrew/bin:$PATH\"\nexport PATH=$GOROOT/bin\n");
            PathBrokeAt = s.Clock.GetUtcNow();
            Verify(log, "change", Finding("path.broken", "The login shell's PATH is broken", s.Zshrc, 2));
            r.Append(Streams.Daemon, new NotificationSent("notify-send", "GoWatch: PATH is broken", "after ~/.zshrc changed — run gowatch diff " + PathBreakingEdit, ["path.broken"], true, null));
            for (var i = 0; i < 5; i++)
            {
                s.Clock.Advance(TimeSpan.FromMinutes(30));
                Verify(log, "schedule", Finding("path.broken", "The login shell's PATH is broken", s.Zshrc, 2));
            }
            r.Edit(s.Zshrc, "export PATH=\"/opt/homebrew/bin:$PATH\"\nexport PATH=\"$GOROOT/bin:$PATH\"\n");
            PathFixedAt = s.Clock.GetUtcNow();
            Verify(log, "change");

            // Day 4: the daemon stopped for the night.
            s.Clock.Advance(TimeSpan.FromDays(2));
            r.Append(Streams.Daemon, new DaemonStopped(100, "SIGTERM"));
            StoppedAt = s.Clock.GetUtcNow();
            s.Clock.Advance(TimeSpan.FromHours(15));
            r.Append(Streams.Daemon, new DaemonStarted(200, "1.0.0", "macos", "arm64", 12));
            RestartedAt = s.Clock.GetUtcNow();
            Verify(log, "startup");

            // Day 6: an Intel Go replaced /usr/local/go; a day and three hours to reinstall.
            s.Clock.Advance(TimeSpan.FromDays(1));
            InstallChange = r.Append(Streams.Install(Install), new InstallationChanged(Install,
                new InstallationFingerprint(true, "directory", null, "go1.23.4", "arm64", new string('a', 64)),
                new InstallationFingerprint(true, "directory", null, "go1.22.1", "amd64", new string('b', 64))));
            ArchBrokeAt = s.Clock.GetUtcNow();
            Verify(log, "change", Finding("go.arch-mismatch", "go is built for amd64 but this Mac is arm64", Install + "/bin/go", null));
            r.Append(Streams.Daemon, new NotificationSent("osascript", "GoWatch: Intel Go on Apple Silicon", "after /usr/local/go changed", ["go.arch-mismatch"], false, "osascript exited 1"));
            s.Clock.Advance(TimeSpan.FromHours(27));
            r.Append(Streams.Install(Install), new InstallationChanged(Install,
                new InstallationFingerprint(true, "directory", null, "go1.22.1", "amd64", new string('b', 64)),
                new InstallationFingerprint(true, "directory", null, "go1.23.4", "arm64", new string('c', 64))));
            ArchFixedAt = s.Clock.GetUtcNow();
            Verify(log, "change");

            // Day 9: the daemon was killed (no stop recorded) and started again.
            s.Clock.Advance(TimeSpan.FromDays(2));
            Verify(log, "schedule");
            LastBeforeCrash = s.Clock.GetUtcNow();
            s.Clock.Advance(TimeSpan.FromHours(3));
            r.Append(Streams.Daemon, new DaemonStarted(300, "1.0.0", "macos", "arm64", 12));
            CrashRestartAt = s.Clock.GetUtcNow();
            Verify(log, "startup");

            // Day 12: GOROOT set in Go's env file to a directory that is gone; still broken.
            s.Clock.Advance(TimeSpan.FromDays(3));
            GoEnvEdit = r.Edit(GoEnv, "GOROOT=/opt/homebrew/Cellar/go/1.21.0/libexec\n");
            GorootBrokeAt = s.Clock.GetUtcNow();
            Verify(log, "change", Finding("goroot.mismatch", "GOROOT names a missing directory", GoEnv, 1));
            s.Clock.Advance(TimeSpan.FromHours(1));
            return 0;
        });
        return this;
    }

    private static FindingRecord Finding(string id, string title, string file, int? line) =>
        new(id, "error", title, title, [new EvidenceRecord(file, line, null)], "fix it");

    private void Verify(VerificationLog log, string trigger, params FindingRecord[] findings)
    {
        s.Clock.Advance(TimeSpan.FromSeconds(2));
        var failing = findings.Select(f => f.Id).ToHashSet();
        log.Record(new VerificationCompleted(trigger, findings, AllChecks.Where(c => !failing.Contains(c)).ToList(), 900), EventSources.Daemon);
    }
}
