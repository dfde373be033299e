using System.Diagnostics;

namespace GoWatch.Benchmarks.Support;

/// <summary>
/// A copy of the sources (src/, launchd/ and the build props, without bin/obj) to publish from:
/// a publish with a runtime identifier rewrites obj/ of every project it builds, which must not
/// happen under someone's build or test run in the repository.
/// </summary>
public sealed class SourceCopy : IDisposable
{
    private SourceCopy(string root) => Root = root;

    public string Root { get; }

    public static SourceCopy Make(string name)
    {
        var root = Directory.CreateTempSubdirectory($"gowatch-bench-{name}-").FullName;
        var sources = Path.Combine(root, "src-copy");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config" })
        {
            var from = Path.Combine(RepoPaths.Root, file);
            if (File.Exists(from))
            {
                Directory.CreateDirectory(sources);
                File.Copy(from, Path.Combine(sources, file));
            }
        }
        // src/ and launchd/ (the platform library embeds the service templates).
        foreach (var folder in new[] { "src", "launchd" })
        {
            var from = Path.Combine(RepoPaths.Root, folder);
            if (!Directory.Exists(from))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts.Contains("bin") || parts.Contains("obj"))
                {
                    continue;
                }
                var target = Path.Combine(sources, folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
        return new SourceCopy(root);
    }

    /// <summary>Publishes src/<paramref name="project"/> into <paramref name="output"/>; returns null on success, else what went wrong.</summary>
    public string? Publish(string project, string output, params string[] properties)
    {
        var sources = Path.Combine(Root, "src-copy");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = sources,
        };
        foreach (var a in new[] { "publish", Path.Combine(sources, "src", project), "-c", "Release", "-r", RuntimeIdentifier, "-o", output, "-nologo" }.Concat(properties))
        {
            psi.ArgumentList.Add(a);
        }
        var run = ProcessRun.Run(psi, TimeSpan.FromMinutes(10));
        return run.ExitCode == 0
            ? null
            : $"`dotnet publish {project} {string.Join(' ', properties)}` failed: {string.Join('\n', (run.Stdout + run.Stderr).Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(5))}";
    }

    /// <summary>The portable runtime identifier of this machine (linux-x64, osx-arm64 …).</summary>
    public static string RuntimeIdentifier =>
        (OperatingSystem.IsMacOS() ? "osx-" : "linux-") + (System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "x64");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
