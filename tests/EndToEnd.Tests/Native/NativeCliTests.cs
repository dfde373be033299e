using System.Text.Json;
using GoWatch.EndToEnd.Tests.Support;
using GoWatch.Events.Model;

namespace GoWatch.EndToEnd.Tests.Native;

/// <summary>
/// The native gowatch of SPEC §9's publish: what the publish leaves in DIR, and the commands that
/// use the store directly, the checks, Spectre.Console and the service templates, run trimmed.
/// </summary>
[Collection(NativeDaemonCollection.Name)]
public sealed class NativeCliTests : IDisposable
{
    private const string Healthy = "export GOPATH=$HOME/go\nexport PATH=$PATH:$GOPATH/bin\n";
    private const string Broken = "export GOPATH=$HOME/go\nexport PATH=$GOROOT/bin\n";

    private readonly NativeDaemonBuild _build;
    private readonly GoWatchHarness _h;

    public NativeCliTests(NativeDaemonBuild build)
    {
        _build = build;
        _h = new GoWatchHarness { Daemon = build.Executable, CliExecutable = build.Cli };
    }

    public void Dispose() => _h.Dispose();

    private string Zshrc => _h.HomePath(".zshrc");

    private static byte[] Header(string path)
    {
        var header = new byte[4];
        using var file = File.OpenRead(path);
        file.ReadExactly(header);
        return header;
    }

    [Fact]
    public void The_publish_puts_native_gowatch_and_gowatchd_side_by_side_and_nothing_else()
    {
        var expected = OperatingSystem.IsMacOS() ? new byte[] { 0xCF, 0xFA, 0xED, 0xFE } : [0x7F, (byte)'E', (byte)'L', (byte)'F'];
        var files = Directory.GetFiles(_build.PublishDir).Select(Path.GetFileName).ToList();

        Assert.Equal(expected, Header(Path.Combine(_build.PublishDir, "gowatch")));
        Assert.Equal(expected, Header(Path.Combine(_build.PublishDir, "gowatchd")));
        Assert.Equal(new[] { "gowatch", "gowatchd" }, files.Order());
        // Both executables, copied alone to their own folder, are all the tests run.
        Assert.Equal(new[] { "gowatch", "gowatchd" }, Directory.GetFiles(Path.GetDirectoryName(_build.Cli)!).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Service_install_run_from_the_publish_folder_installs_the_native_gowatchd_beside_it()
    {
        var install = _h.Cli("service", "install", "--dry-run", "--json");

        Assert.True(install.ExitCode == 0, install.ToString());
        var result = JsonDocument.Parse(install.Stdout).RootElement;
        Assert.True(result.GetProperty("dryRun").GetBoolean());
        var unit = result.GetProperty("fileContent").GetString()!;
        Assert.Contains(_build.Executable, unit);
        Assert.DoesNotContain("dotnet", unit);
        Assert.False(File.Exists(result.GetProperty("filePath").GetString()), "a dry run wrote the service file");
    }

    [Fact]
    public void With_the_daemon_down_status_history_and_doctor_use_the_store_and_the_checks_directly()
    {
        File.WriteAllText(Zshrc, Broken);

        var doctor = _h.Cli("doctor", "--json");

        // path.broken is an error: doctor says so and exits 1.
        Assert.True(doctor.ExitCode == 1, doctor.ToString());
        var findings = JsonDocument.Parse(doctor.Stdout).RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("id").GetString() == "path.broken");
        var human = _h.Cli("doctor");
        Assert.Equal(1, human.ExitCode);
        Assert.Contains("path.broken", human.Stdout);

        var status = _h.Cli("status", "--json");

        Assert.True(status.ExitCode == 3, status.ToString());
        var json = JsonDocument.Parse(status.Stdout).RootElement;
        Assert.False(json.GetProperty("daemon").GetProperty("running").GetBoolean());
        Assert.Contains(json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "path.broken");

        var history = _h.Cli("history", "--json");

        Assert.True(history.ExitCode == 0, history.ToString());
        var types = JsonDocument.Parse(history.Stdout).RootElement.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains(nameof(VerificationCompleted), types);
        Assert.Contains(nameof(DriftDetected), types);
        var table = _h.Cli("history");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("DriftDetected", table.Stdout);
        var check = _h.Cli("store", "check");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("is sound", check.Stdout);
    }

    [Fact]
    public void Revert_dry_run_shows_the_undo_and_changes_nothing_then_revert_restores_the_file()
    {
        File.WriteAllText(Zshrc, Healthy);
        using var daemon = _h.StartDaemon();
        File.WriteAllText(Zshrc, Broken);
        var bad = _h.WaitForEvent(e => e.Data is FileChanged c && c.Path == Zshrc, TimeSpan.FromSeconds(10));
        Assert.True(bad is not null, "the bad edit was not recorded:\n" + daemon.Output);
        var position = bad.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var dryRun = _h.Cli("revert", position, "--dry-run");

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains("-export PATH=$GOROOT/bin", dryRun.Stdout);
        Assert.Contains("+export PATH=$PATH:$GOPATH/bin", dryRun.Stdout);
        Assert.Equal(Broken, File.ReadAllText(Zshrc));
        var show = _h.Cli("show", position);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("FileChanged", show.Stdout);

        var revert = _h.Cli("revert", position, "--yes");

        Assert.True(revert.ExitCode == 0, revert.ToString() + "\n" + daemon.Output);
        Assert.Equal(Healthy, File.ReadAllText(Zshrc));
        Assert.NotNull(_h.WaitForEvent(e => e.Data is FileReverted r && r.Path == Zshrc, TimeSpan.FromSeconds(5)));
        daemon.StopCleanly();
    }
}
