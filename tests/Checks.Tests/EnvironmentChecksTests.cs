using GoWatch.Checks.Tests.Support;

namespace GoWatch.Checks.Tests;

/// <summary>GOPATH, modules, env-file overrides and proxy settings from real rc files and env files.</summary>
public sealed class EnvironmentChecksTests
{
    private static Scenario WithGo(FakeGo? go = null)
    {
        var s = Scenario.Mac();
        s.FakeGo(s.Sys("/usr/local/go"), go ?? new FakeGo());
        return s;
    }

    private static string GoOnPath(Scenario s) => $"export PATH={Scenario.Sh(s.Sys("/usr/local/go/bin"))}:\"$PATH:$HOME/go/bin\"";

    [Fact]
    public async Task Gopath_bin_missing_from_path_is_reported()
    {
        using var s = WithGo();
        s.Zshrc($"export PATH={Scenario.Sh(s.Sys("/usr/local/go/bin"))}:$PATH");
        var report = await s.VerifyAsync("gopath.bin-missing");
        Assert.Contains(Path.Combine(s.Home, "go", "bin"), report.Fires("gopath.bin-missing").Title);
    }

    [Fact]
    public async Task Gopath_bin_on_path_is_fine()
    {
        using var s = WithGo();
        s.Zshrc(GoOnPath(s));
        var report = await s.VerifyAsync("gopath.bin-missing");
        report.Passes("gopath.bin-missing");
    }

    [Fact]
    public async Task Gopath_with_a_trailing_slash_puts_the_same_bin_on_path()
    {
        using var s = WithGo();
        Directory.CreateDirectory(Path.Combine(s.Home, "golang", "bin"));
        s.Zshrc("export GOPATH=\"$HOME/golang/\"", $"export PATH={Scenario.Sh(s.Sys("/usr/local/go/bin"))}:$PATH:$GOPATH/bin");

        var report = await s.VerifyAsync("gopath.bin-missing");

        report.Passes("gopath.bin-missing");
    }

    [Fact]
    public async Task A_gopath_bin_that_does_not_exist_yet_is_fine_when_a_path_line_adds_it_once_it_does()
    {
        // zsh's (N-/) leaves out a directory that does not exist; go install creates it.
        using var s = WithGo();
        s.Zshrc("path=(", $"  {Scenario.Sh(s.Sys("/usr/local/go/bin"))}(N-/)", "  $HOME/go/bin(N-/)", "  $path", ")");

        var report = await s.VerifyAsync("gopath.bin-missing");

        report.Passes("gopath.bin-missing");
    }

    [Fact]
    public async Task A_gopath_bin_that_exists_but_is_left_out_of_path_is_reported_even_when_a_line_names_it()
    {
        using var s = WithGo();
        Directory.CreateDirectory(Path.Combine(s.Home, "go", "bin"));
        s.Zshrc($"export PATH={Scenario.Sh(s.Sys("/usr/local/go/bin"))}:$PATH", "[ -n \"$NEVER\" ] && export PATH=$PATH:$HOME/go/bin");

        var report = await s.VerifyAsync("gopath.bin-missing");

        report.Fires("gopath.bin-missing");
    }

    [Fact]
    public async Task Gopath_equal_to_goroot_is_invalid()
    {
        using var s = WithGo();
        var zshrc = s.Zshrc(GoOnPath(s), $"export GOPATH={Scenario.Sh(s.Sys("/usr/local/go"))}");
        var report = await s.VerifyAsync("gopath.invalid");
        Assert.Contains(report.Fires("gopath.invalid").Evidence, e => e.File == zshrc && e.Line == 2);
    }

    [Fact]
    public async Task Relative_gopath_is_invalid()
    {
        using var s = WithGo();
        s.Zshrc(GoOnPath(s), "export GOPATH=go");
        var report = await s.VerifyAsync("gopath.invalid");
        Assert.Contains("relative", report.Fires("gopath.invalid").Detail);
    }

    [Fact]
    public async Task Absolute_gopath_outside_goroot_is_valid()
    {
        using var s = WithGo();
        s.Zshrc(GoOnPath(s), "export GOPATH=$HOME/go");
        var report = await s.VerifyAsync("gopath.invalid");
        report.Passes("gopath.invalid");
    }

    [Fact]
    public async Task Shell_and_env_file_setting_different_gopaths_is_mixed()
    {
        using var s = WithGo();
        s.Zshrc(GoOnPath(s), "export GOPATH=$HOME/go");
        s.GoEnvFile("GOPATH=/Users/old/go");
        var report = await s.VerifyAsync("gopath.mixed");
        report.Fires("gopath.mixed");
    }

    [Fact]
    public async Task Gopath_with_several_entries_is_mixed_and_one_entry_is_not()
    {
        using var mixed = WithGo();
        mixed.Zshrc(GoOnPath(mixed), "export GOPATH=$HOME/go:$HOME/work");
        (await mixed.VerifyAsync("gopath.mixed")).Fires("gopath.mixed");

        using var single = WithGo();
        single.Zshrc(GoOnPath(single), "export GOPATH=$HOME/go");
        (await single.VerifyAsync("gopath.mixed")).Passes("gopath.mixed");
    }

    [Fact]
    public async Task Go111module_off_in_zshrc_turns_modules_off()
    {
        using var s = WithGo();
        var zshrc = s.Zshrc(GoOnPath(s), "export GO111MODULE=off");
        var report = await s.VerifyAsync("modules.off", "modules.auto");
        Assert.Contains(report.Fires("modules.off").Evidence, e => e.File == zshrc && e.Line == 2);
        report.Passes("modules.auto");
    }

    [Fact]
    public async Task Go111module_auto_in_env_file_is_info()
    {
        using var s = WithGo();
        s.Zshrc(GoOnPath(s));
        s.GoEnvFile("GO111MODULE=auto");
        var report = await s.VerifyAsync("modules.off", "modules.auto");
        Assert.Equal(Severity.Info, report.Fires("modules.auto").Severity);
        report.Passes("modules.off");
    }

    [Fact]
    public async Task Go111module_on_is_neither_off_nor_auto()
    {
        using var s = WithGo();
        s.Zshrc(GoOnPath(s), "export GO111MODULE=on");
        var report = await s.VerifyAsync("modules.off", "modules.auto");
        report.Passes("modules.off");
        report.Passes("modules.auto");
    }

    [Fact]
    public async Task Env_file_setting_goroot_overrides()
    {
        using var s = WithGo();
        s.Zshrc(GoOnPath(s));
        var env = s.GoEnvFile("GOPROXY=https://proxy.golang.org,direct", $"GOROOT={s.Sys("/usr/local/go")}");
        var report = await s.VerifyAsync("goenv.overrides");
        Assert.Contains(report.Fires("goenv.overrides").Evidence, e => e.File == env && e.Line == 2);
    }

    [Fact]
    public async Task Env_file_disagreeing_with_the_shell_overrides_and_agreeing_does_not()
    {
        using var differs = WithGo();
        differs.Zshrc(GoOnPath(differs), "export GOPROXY=https://goproxy.cn");
        differs.GoEnvFile("GOPROXY=https://proxy.golang.org,direct");
        (await differs.VerifyAsync("goenv.overrides")).Fires("goenv.overrides");

        using var agrees = WithGo();
        agrees.Zshrc(GoOnPath(agrees), "export GOPROXY=https://goproxy.cn");
        agrees.GoEnvFile("GOPROXY=https://goproxy.cn");
        (await agrees.VerifyAsync("goenv.overrides")).Passes("goenv.overrides");
    }

    [Fact]
    public async Task Sumdb_off_and_noverify_everything_are_insecure()
    {
        using var s = WithGo();
        var zshrc = s.Zshrc(GoOnPath(s), "export GOSUMDB=off", "export GONOSUMDB='*'");
        var report = await s.VerifyAsync("proxy.insecure");
        var finding = report.Fires("proxy.insecure");
        Assert.Contains(finding.Evidence, e => e.File == zshrc && e.Line == 2);
        Assert.Contains(finding.Evidence, e => e.File == zshrc && e.Line == 3);
    }

    [Fact]
    public async Task Private_modules_limited_to_an_org_are_secure()
    {
        using var s = WithGo();
        s.Zshrc(GoOnPath(s), "export GOPRIVATE=github.com/acme/*", "export GOPROXY=https://proxy.golang.org,direct");
        var report = await s.VerifyAsync("proxy.insecure");
        report.Passes("proxy.insecure");
    }

    [Fact]
    public async Task Token_exported_next_to_a_blamed_line_is_masked_in_evidence()
    {
        using var s = WithGo();
        s.Zshrc(GoOnPath(s), "export GOPROXY=https://bob:hunter2@proxy.corp.example,off", "export GOFLAGS=-insecure");
        var report = await s.VerifyAsync("proxy.insecure");
        var json = ReportAssertions.Describe(report);
        Assert.Contains("-insecure", json);
        Assert.DoesNotContain("hunter2", json);
    }
}
