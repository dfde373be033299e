using System.Text.Json;
using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests;

/// <summary>
/// The GoWatch tool package, built with <c>dotnet pack</c> and installed with <c>dotnet tool
/// install</c> from a local folder: gowatch runs, finds the gowatchd shipped beside it, and that
/// daemon runs.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class PackagingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gowatch-pack-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void The_tool_package_installs_gowatch_with_gowatchd_beside_it()
    {
        // Given the package, packed into a temp folder (build output too, so the repo is not touched)
        var feed = Path.Combine(_root, "feed");
        var tools = Path.Combine(_root, "tools");
        var pack = Processes.Run("dotnet", ["pack", Path.Combine(Processes.RepoRoot, "src", "Cli"), "-o", feed, "--artifacts-path", Path.Combine(_root, "artifacts"), "-nologo"], TimeSpan.FromMinutes(10));
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.Single(Directory.GetFiles(feed, "GoWatch.*.nupkg"));

        // When it is installed from that folder alone
        var config = Path.Combine(_root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var install = Processes.Run("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", feed, "--configfile", config, "GoWatch"], TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, install.ToString());

        // Then gowatch runs and knows its commands
        var gowatch = Path.Combine(tools, "gowatch");
        var help = Processes.Run(gowatch, ["--help"], TimeSpan.FromMinutes(1));
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("revert", help.Stdout);
        Assert.Contains("service", help.Stdout);

        // and `service install` finds the gowatchd.dll that came in the same package
        var home = Path.Combine(_root, "home");
        Directory.CreateDirectory(home);
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["GOWATCH_PLATFORM"] = "macos",
            ["GOWATCH_DATA_DIR"] = Path.Combine(_root, "data"),
            ["GOWATCH_SYSTEM_ROOT"] = Path.Combine(_root, "sys"),
            ["GOWATCH_ALLOW_ROOT"] = "1",
            ["NO_COLOR"] = "1",
        };
        var service = Processes.Run(gowatch, ["service", "install", "--dry-run", "--json"], TimeSpan.FromMinutes(1), env);
        Assert.True(service.ExitCode == 0, service.ToString());
        var plist = JsonDocument.Parse(service.Stdout).RootElement.GetProperty("fileContent").GetString()!;
        var daemonDll = Directory.GetFiles(Path.Combine(tools, ".store"), "gowatchd.dll", SearchOption.AllDirectories).Single();
        Assert.Equal(Path.GetDirectoryName(daemonDll), Path.GetDirectoryName(Directory.GetFiles(Path.Combine(tools, ".store"), "gowatch.dll", SearchOption.AllDirectories).Single()));
        Assert.Contains($"<string>{daemonDll}</string>", plist);

        // and that daemon runs from the package: gowatch sees it up
        using var daemon = Processes.Start("dotnet", [daemonDll], env);
        try
        {
            var running = false;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!running && DateTime.UtcNow < deadline && !daemon.HasExited)
            {
                Thread.Sleep(250);
                var status = Processes.Run(gowatch, ["status", "--json"], TimeSpan.FromMinutes(1), env);
                running = status.ExitCode == 0 && JsonDocument.Parse(status.Stdout).RootElement.GetProperty("daemon").GetProperty("running").GetBoolean();
            }
            Assert.True(running, "the packaged gowatchd did not come up");
        }
        finally
        {
            if (!daemon.HasExited)
            {
                daemon.Kill();
            }
            daemon.WaitForExit();
        }
    }
}
