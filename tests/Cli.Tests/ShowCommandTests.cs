using System.Globalization;
using GoWatch.Cli.Tests.Support;
using GoWatch.Events;
using GoWatch.Events.Model;

namespace GoWatch.Cli.Tests;

/// <summary><c>gowatch show POS</c> explains each kind of event in full.</summary>
public sealed class ShowCommandTests : IDisposable
{
    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    private static string P(long position) => position.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void A_file_change_shows_its_fingerprints_and_its_diff()
    {
        _s.Edit(_s.Zshrc, "a\n");
        var pos = _s.Edit(_s.Zshrc, "a\nexport GOPATH=$HOME/go\n");

        var result = _s.Run("show", P(pos));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("~/.zshrc", result.Stdout);
        Assert.Contains("sha256 ", result.Stdout);
        Assert.Contains("+export GOPATH=$HOME/go", result.Stdout);
    }

    [Fact]
    public void An_installation_change_shows_the_fingerprints_before_and_after()
    {
        var pos = _s.Given(r => r.Append(Streams.Install("/usr/local/go"), new InstallationChanged("/usr/local/go",
            new InstallationFingerprint(true, "directory", null, "go1.21.5", "amd64", "aaa111"),
            new InstallationFingerprint(true, "directory", null, "go1.22.1", "arm64", "bbb222"))));

        var result = _s.Run("show", P(pos));

        Assert.Equal(0, result.ExitCode);
        foreach (var expected in new[] { "go1.21.5", "go1.22.1", "amd64", "arm64", "aaa111", "bbb222", "VERSION" })
        {
            Assert.Contains(expected, result.Stdout);
        }
    }

    [Fact]
    public void A_verification_shows_each_finding_with_evidence_and_fix()
    {
        var pos = _s.Given(r => r.Append("check:path.broken", new VerificationCompleted("change",
            [new FindingRecord("path.broken", "error", "PATH lacks /usr/bin", "The login shell's PATH is /usr/local/go/bin", [new EvidenceRecord(_s.Zshrc, 3, "export PATH=$GOROOT/bin")], "export PATH=$GOROOT/bin:$PATH")],
            ["go.not-found"], 321)));

        var result = _s.Run("show", P(pos));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("path.broken", result.Stdout);
        Assert.Contains("PATH lacks /usr/bin", result.Stdout);
        Assert.Contains("~/.zshrc:3: export PATH=$GOROOT/bin", result.Stdout);
        Assert.Contains("fix: export PATH=$GOROOT/bin:$PATH", result.Stdout);
        Assert.Contains("go.not-found", result.Stdout);
        Assert.Contains("321 ms", result.Stdout);
    }

    [Fact]
    public void A_drift_names_the_change_it_is_blamed_on()
    {
        var change = _s.Edit(_s.Zshrc, "export PATH=$GOROOT/bin\n");
        var pos = _s.Given(r => r.Append("check:path.broken", new DriftDetected("path.broken", "error", "PATH lacks /usr/bin", change)));

        var result = _s.Run("show", P(pos));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"#{change} — FileCreated ~/.zshrc at 2026-03-01", result.Stdout);
        Assert.Contains($"gowatch show {change}", result.Stdout);
    }

    [Fact]
    public void Show_without_a_position_shows_the_newest_event()
    {
        _s.Edit(_s.Zshrc, "a\n");
        var newest = _s.Edit(_s.Zshrc, "a\nexport GOFLAGS=-mod=mod\n");

        var result = _s.Run("show");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Position  {newest}", result.Stdout);
        Assert.Contains("+export GOFLAGS=-mod=mod", result.Stdout);
    }

    [Fact]
    public void Show_without_a_position_on_an_empty_store_says_nothing_is_recorded()
    {
        var result = _s.Run("show");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing is recorded yet", result.Stderr);
    }

    [Fact]
    public void A_drift_shows_the_evidence_and_fix_of_the_verification_that_found_it()
    {
        _s.Edit(_s.Zshrc, "export PATH=$GOROOT/bin\n");
        var drift = _s.Given(r =>
        {
            new GoWatch.Recording.Verification.VerificationLog(r.Store).Record(new VerificationCompleted("change",
                [new FindingRecord("path.broken", "error", "PATH lacks /usr/bin", "The login shell's PATH is /usr/local/go/bin", [new EvidenceRecord(_s.Zshrc, 1, "export PATH=$GOROOT/bin")], "export PATH=$GOROOT/bin:$PATH")],
                [], 10), EventSources.Daemon);
            return r.Store.Query(new GoWatch.Events.Store.EventQuery { Types = ["DriftDetected"], Limit = 1 }).Single();
        });

        var result = _s.Run("show", P(drift.Position));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotNull(drift.CausationId);
        Assert.Contains("path.broken", result.Stdout);
        Assert.Contains("evidence: ~/.zshrc:1: export PATH=$GOROOT/bin", result.Stdout);
        Assert.Contains("fix: export PATH=$GOROOT/bin:$PATH", result.Stdout);
        Assert.Contains("Found by verification #", result.Stdout);
    }

    [Fact]
    public void Show_json_is_the_event_as_history_json_prints_it()
    {
        var pos = _s.Edit(_s.Zshrc, "a\n");

        var show = System.Text.Json.JsonDocument.Parse(_s.Run("show", P(pos), "--json").Stdout).RootElement;
        var history = System.Text.Json.JsonDocument.Parse(_s.Run("history", "--json").Stdout).RootElement;

        Assert.Equal(history.EnumerateArray().Single(e => e.GetProperty("position").GetInt64() == pos).GetRawText(), show.GetRawText());
    }
}
