using GoWatch.Checks.Facts;
using GoWatch.Checks.Probes;
using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests;

/// <summary>The Go env file that counts is the one <c>go env GOENV</c> names, also when the shell moves it; and go is asked only for what is read.</summary>
public sealed class GoEnvFileLocationTests
{
    [Fact]
    public async Task A_setting_in_an_env_file_moved_by_the_shell_is_reported_on_its_line()
    {
        // Given the real zsh and go, with GOENV moved under GOPATH and `go env -w GO111MODULE=off` written there
        using var s = Scenario.ThisLinuxMachine();
        s.Zshrc("export GOPATH=$HOME/gopath", "export GOENV=$GOPATH/env", "export PATH=\"$PATH:$GOPATH/bin\"");
        var moved = s.HomeFile("gopath/env", "GO111MODULE=off\n");

        // When verifying
        var report = await s.VerifyAsync("modules.off");

        // Then the moved file is blamed, line 1
        var finding = report.Fires("modules.off");
        Assert.Contains(finding.Evidence, e => e.File == moved && e.Line == 1);
    }

    [Fact]
    public async Task The_report_names_the_env_file_go_reads_so_the_daemon_can_watch_it()
    {
        using var s = Scenario.ThisLinuxMachine();
        s.Zshrc("export GOPATH=$HOME/gopath", "export GOENV=$GOPATH/env", "export PATH=\"$PATH:$GOPATH/bin\"");

        var report = await s.VerifyAsync("modules.off");

        Assert.Equal(Path.Combine(s.Home, "gopath", "env"), report.GoEnvFile);
    }

    [Fact]
    public async Task The_default_env_file_is_ignored_once_the_shell_moves_it()
    {
        // Given GOENV moved elsewhere and a stale GO111MODULE=off left in the default file, which Go no longer reads
        using var s = Scenario.ThisLinuxMachine();
        s.Zshrc("export GOPATH=$HOME/gopath", "export GOENV=$GOPATH/env", "export PATH=\"$PATH:$GOPATH/bin\"", "export GO111MODULE=on");
        s.GoEnvFile("GO111MODULE=off");

        // When verifying
        var report = await s.VerifyAsync("modules.off", "goenv.overrides");

        // Then neither the mode nor an override is reported
        report.Passes("modules.off");
        report.Passes("goenv.overrides");
    }

    [Fact]
    public async Task Go_env_is_asked_only_for_the_variables_the_checks_read()
    {
        // Given a go that records how it is run
        using var s = Scenario.Mac();
        var log = Path.Combine(s.Root, "go-args.log");
        var root = s.Sys("/usr/local/go");
        s.FakeGo(root, new FakeGo { ArgsLog = log });
        s.Zshrc($"export PATH={Scenario.Sh(Path.Combine(root, "bin"))}:$PATH");

        // When collecting facts
        var facts = await s.FactsAsync();

        // Then `go env -json` names its variables (a bare one probes the C compiler) and none of the costly cgo ones
        Assert.NotNull(facts.Go!.Env);
        var envRun = File.ReadAllLines(log).Single(l => l.StartsWith("env ", StringComparison.Ordinal)).Split(' ');
        Assert.Equal(["env", "-json"], envRun[..2]);
        Assert.Contains("GOROOT", envRun);
        Assert.Contains("GOENV", envRun);
        Assert.Contains("CC", envRun);
        Assert.DoesNotContain(envRun, a => a is "CGO_CFLAGS" or "CGO_CPPFLAGS" or "CGO_CXXFLAGS" or "CGO_FFLAGS" or "CGO_LDFLAGS" or "PKG_CONFIG" or "GOGCCFLAGS");
    }

    [Fact]
    public void Without_a_go_that_names_it_the_shells_GOENV_decides_and_off_means_no_file()
    {
        using var s = Scenario.Mac();
        var settings = s.Settings();
        var shell = new ShellFacts { Environment = new Dictionary<string, string> { ["GOENV"] = "/Users/u/go/env" } };
        var oldGo = new GoFacts { Env = new Dictionary<string, string> { ["GOROOT"] = "/usr/local/go" } };
        var goSaysOff = new GoFacts { Env = new Dictionary<string, string> { ["GOENV"] = "off" } };

        Assert.Equal("/Users/u/go/env", GoEnvFileLocation.Of(settings, shell, oldGo));
        Assert.Equal(GoEnvFileLocation.Off, GoEnvFileLocation.Of(settings, shell, goSaysOff));
        Assert.Equal(settings.GoEnvFile, GoEnvFileLocation.Of(settings, new ShellFacts(), null));
    }

    [Fact]
    public async Task GOENV_off_in_the_shell_leaves_no_env_file_to_report()
    {
        // Given the real zsh and go, GOENV=off, and GO111MODULE=off left in the default file
        using var s = Scenario.ThisLinuxMachine();
        s.Zshrc("export GOENV=off", "export PATH=\"$PATH:$HOME/go/bin\"");
        s.GoEnvFile("GO111MODULE=off");

        var report = await s.VerifyAsync("modules.off");

        report.Passes("modules.off");
    }
}
