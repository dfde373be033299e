using System.Text;
using GoWatch.Checks.Binary;
using GoWatch.Checks.Probes;
using GoWatch.Checks.Tests.Support;
using GoWatch.Platform.Processes;

namespace GoWatch.Checks.Tests;

/// <summary>The tool scanner and the build-info reader, on a crafted blob and on a real Go binary built for another CPU.</summary>
public sealed class ToolScannerTests
{
    private static byte[] Blob(string modinfo, byte flags = 0x2)
    {
        var bytes = new List<byte> { 0xFF };
        bytes.AddRange(" Go buildinf:"u8.ToArray());
        bytes.Add(8);
        bytes.Add(flags);
        bytes.AddRange(new byte[16]);
        void Str(byte[] s)
        {
            bytes.Add((byte)s.Length);
            bytes.AddRange(s);
        }
        Str("go1.22.5"u8.ToArray());
        var sentinel = new byte[16];
        Str([.. sentinel, .. Encoding.UTF8.GetBytes(modinfo), .. sentinel]);
        return [.. bytes];
    }

    [Fact]
    public void Build_info_gives_the_main_package_path() =>
        Assert.Equal("golang.org/x/tools/gopls",
            BuildInfoReader.Parse(Blob("path\tgolang.org/x/tools/gopls\nmod\tgolang.org/x/tools/gopls\tv0.15.0\th1:abc=\n")));

    [Fact]
    public void Build_info_before_go_1_18_is_not_guessed() =>
        Assert.Null(BuildInfoReader.Parse(Blob("path\tx\n", flags: 0)));

    [Fact]
    public void A_file_without_build_info_has_no_package()
    {
        using var s = Scenario.Mac();
        Assert.Null(BuildInfoReader.MainPackage(s.HomeFile("notes.txt", new string('x', 5000))));
    }

    [Fact]
    public async Task A_real_go_binary_built_for_intel_macs_is_found_stale_with_its_package()
    {
        // Given a tool in $HOME/go/bin really built by go for darwin/amd64, on an Apple Silicon Mac
        using var s = Scenario.Mac();
        var module = s.HomeFile("src/hello/go.mod", "module example.com/gowatch/hello\n\ngo 1.19\n");
        s.HomeFile("src/hello/main.go", "package main\n\nfunc main() { println(\"hi\") }\n");
        var tool = Path.Combine(s.Home, "go", "bin", "hello");
        var env = new Dictionary<string, string>
        {
            ["PATH"] = "/usr/bin:/bin",
            ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? s.Home,
            ["GOOS"] = "darwin",
            ["GOARCH"] = "amd64",
            ["CGO_ENABLED"] = "0",
            ["GOPROXY"] = "off",
            ["GOFLAGS"] = "",
            ["GOTOOLCHAIN"] = "local",
        };
        if (Environment.GetEnvironmentVariable("GOCACHE") is { Length: > 0 } cache)
        {
            env["GOCACHE"] = cache;
        }
        var build = await ProcessRunner.RunAsync(new ProcessSpec("/usr/bin/go", ["build", "-o", tool, "."])
        {
            Environment = env,
            WorkingDirectory = Path.GetDirectoryName(module)!,
            Timeout = TimeSpan.FromMinutes(3),
        }, CancellationToken.None);
        Assert.True(build.ExitCode == 0, build.Stderr);
        s.Zshrc("export PATH=\"$PATH:$HOME/go/bin\"");

        // When the scanner looks and the check runs
        var scanned = new ToolScanner().Scan([Path.Combine(s.Home, "go", "bin")], "arm64");
        var report = await s.VerifyAsync("tools.stale-arch");

        // Then the header says amd64, the build info names the package, and the fix reinstalls it
        var binary = Assert.Single(scanned.Binaries);
        Assert.Equal(["amd64"], binary.Header.Architectures);
        Assert.Equal("example.com/gowatch/hello", binary.Package);
        Assert.Contains("go install example.com/gowatch/hello@latest", report.Fires("tools.stale-arch").Fix);
    }
}
