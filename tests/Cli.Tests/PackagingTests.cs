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
        Pack();
        Assert.Single(Directory.GetFiles(Feed, "GoWatch.*.nupkg"));

        // When it is installed from that folder alone
        var gowatch = Install();

        // Then gowatch runs and knows its commands
        var help = Processes.Run(gowatch, ["--help"], TimeSpan.FromMinutes(1));
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("revert", help.Stdout);
        Assert.Contains("service", help.Stdout);

        // and `service install` finds the gowatchd.dll that came in the same package
        var env = Environment();
        var plist = ServiceFile(gowatch, env);
        var tools = Tools;
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
    [Fact]
    public void The_native_tool_packages_install_native_gowatch_and_gowatchd_for_this_machine()
    {
        // Given the packages a release publishes from Linux: the one naming the others, the
        // managed fallback and the native linux-x64 one
        Pack("-p:GoWatchNativeTool=true");
        Pack("-p:GoWatchNativeTool=true", "-r", "any");
        Pack("-p:GoWatchNativeTool=true", "-r", "linux-x64");
        Assert.Equal(
            ["GoWatch.1.0.0.nupkg", "GoWatch.any.1.0.0.nupkg", "GoWatch.linux-x64.1.0.0.nupkg"],
            Directory.GetFiles(Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // When the tool is installed by its name alone
        var gowatch = Install();

        // Then the two executables are side by side, ELF files with no managed assembly or
        // runtimeconfig beside them (an apphost could not start without its .dll): native
        var installed = Path.GetDirectoryName(Path.GetFullPath(File.ResolveLinkTarget(gowatch, returnFinalTarget: true)?.FullName ?? gowatch))!;
        Assert.Equal(["gowatch", "gowatchd"], Directory.GetFiles(installed).Select(Path.GetFileName).Where(n => !n!.EndsWith(".xml", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var exe in new[] { "gowatch", "gowatchd" })
        {
            Assert.Equal([0x7f, (byte)'E', (byte)'L', (byte)'F'], File.ReadAllBytes(Path.Combine(installed, exe)).Take(4));
        }

        // and gowatch runs, and `service install` runs the native gowatchd beside it
        var env = Environment();
        var help = Processes.Run(gowatch, ["--help"], TimeSpan.FromMinutes(1), env);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains($"<string>{Path.Combine(installed, "gowatchd")}</string>", ServiceFile(gowatch, env));
    }

    private string Feed => Path.Combine(_root, "feed");
    private string Tools => Path.Combine(_root, "tools");

    /// <summary><c>dotnet pack src/Cli</c> into the feed (build output in the temp folder, so the repository is not touched).</summary>
    private void Pack(params string[] options)
    {
        var pack = Processes.Run("dotnet", ["pack", Path.Combine(Processes.RepoRoot, "src", "Cli"), "-c", "Release", "-o", Feed, "--artifacts-path", Path.Combine(_root, "artifacts"), "-nologo", .. options], TimeSpan.FromMinutes(15));
        Assert.True(pack.ExitCode == 0, pack.ToString());
    }

    /// <summary><c>dotnet tool install GoWatch</c> from the feed alone; the path of the installed gowatch.</summary>
    private string Install()
    {
        var config = Path.Combine(_root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        var install = Processes.Run("dotnet", ["tool", "install", "--tool-path", Tools, "--add-source", Feed, "--configfile", config, "GoWatch"], TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, install.ToString());
        return Path.Combine(Tools, "gowatch");
    }

    private Dictionary<string, string?> Environment()
    {
        var home = Path.Combine(_root, "home");
        Directory.CreateDirectory(home);
        return new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["GOWATCH_PLATFORM"] = "macos",
            ["GOWATCH_DATA_DIR"] = Path.Combine(_root, "data"),
            ["GOWATCH_SYSTEM_ROOT"] = Path.Combine(_root, "sys"),
            ["GOWATCH_ALLOW_ROOT"] = "1",
            ["NO_COLOR"] = "1",
        };
    }

    /// <summary>The LaunchAgent plist `service install --dry-run` would write.</summary>
    private static string ServiceFile(string gowatch, IReadOnlyDictionary<string, string?> env)
    {
        var service = Processes.Run(gowatch, ["service", "install", "--dry-run", "--json"], TimeSpan.FromMinutes(1), env);
        Assert.True(service.ExitCode == 0, service.ToString());
        return JsonDocument.Parse(service.Stdout).RootElement.GetProperty("fileContent").GetString()!;
    }
}
