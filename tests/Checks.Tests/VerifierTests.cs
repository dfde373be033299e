using GoWatch.Checks.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GoWatch.Checks.Tests;

/// <summary>The verifier's entry point: check-id filter, clock, catalogue.</summary>
public sealed class VerifierTests
{
    [Fact]
    public async Task Unknown_check_id_is_refused_with_the_valid_ids()
    {
        using var s = Scenario.Mac();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => s.VerifyAsync("path.brokn"));
        Assert.Contains("path.brokn", ex.Message);
        Assert.Contains("goland.modules-disabled", ex.Message);
    }

    [Fact]
    public async Task Filter_runs_only_the_requested_checks_and_time_comes_from_the_clock()
    {
        using var s = Scenario.Mac();
        s.Zshrc("export EDITOR=vi");
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var report = await new Verifier(new Probes.FactsCollector(), clock).RunAsync(s.Settings(), s.Request("path.broken"), CancellationToken.None);
        Assert.Equal(["path.broken"], report.Passed);
        Assert.Empty(report.Skipped);
        Assert.Equal(clock.GetUtcNow(), report.CheckedAt);
    }

    [Fact]
    public void Catalogue_has_every_spec_id_once()
    {
        string[] spec =
        [
            "shell.startup-failed", "shell.startup-warnings", "tools.stale-arch", "path.broken", "path.unsafe", "goroot.versioned", "goflags.global", "go.not-found", "go.arch-mismatch", "goroot.mismatch", "path.order",
            "go.multiple-installs", "install.stale-arch", "symlink.dangling", "gopath.bin-missing", "gopath.invalid",
            "gopath.mixed", "modules.off", "modules.auto", "goenv.overrides", "proxy.insecure", "homebrew.rosetta",
            "cgo.compiler", "toolchain.too-old", "goland.goroot-missing", "goland.goroot-differs", "goland.modules-disabled",
            "env.gui-differs",
        ];
        Assert.Equal(spec.Order(), Verifier.CheckIds.Order());
    }
}
