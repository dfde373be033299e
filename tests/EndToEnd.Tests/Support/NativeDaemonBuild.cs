using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GoWatch.EndToEnd.Tests.Support;

/// <summary>
/// gowatch and gowatchd published once as native AOT executables, the way a user does it
/// (SPEC §9: <c>dotnet publish src/Cli -c Release -r RID -o DIR</c>), for the tests of
/// <see cref="NativeDaemonCollection"/>. The publish runs on a copy of the sources in a temp dir:
/// publishing with a runtime identifier in the repository would rewrite obj/project.assets.json of
/// the projects other tests run from. <see cref="PublishDir"/> is what the publish left in DIR; the
/// two executables are then copied alone into their own folder, so the tests also prove they need
/// nothing beside them. When the publish cannot run or fails, <see cref="Problem"/> says why and
/// <see cref="Executable"/> and <see cref="Cli"/> throw it, so every native test fails with that reason.
/// </summary>
public sealed class NativeDaemonBuild : IDisposable
{
    // 3–5 minutes on two cores (gowatch and gowatchd); much more when the machine is busy with other builds.
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(30);

    private readonly string _root;
    private readonly string? _executable;
    private readonly string? _cli;

    public NativeDaemonBuild()
    {
        _root = Directory.CreateTempSubdirectory("gowatch-native-").FullName;
        try
        {
            (_executable, _cli, Problem) = Build();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            Problem = $"publishing the native gowatchd failed: {e}";
        }
    }

    /// <summary>The runtime identifier published for, and the C compiler and linker used.</summary>
    public string? Rid { get; private set; }
    public string? Compiler { get; private set; }

    /// <summary>Why there is no native gowatchd, or null.</summary>
    public string? Problem { get; }

    /// <summary>The native gowatchd, alone in its folder with <see cref="Cli"/>.</summary>
    public string Executable => _executable ?? throw new InvalidOperationException(Problem);

    /// <summary>The native gowatch, beside <see cref="Executable"/>.</summary>
    public string Cli => _cli ?? throw new InvalidOperationException(Problem);

    /// <summary>The DIR the publish wrote to, as it left it.</summary>
    public string PublishDir => Path.Combine(_root, "publish");

    private (string? Executable, string? Cli, string? Problem) Build()
    {
        Rid = RuntimeIdentifier();
        if (Rid is null)
        {
            return (null, null, $"no native gowatchd for {RuntimeInformation.OSDescription} on {RuntimeInformation.OSArchitecture}: only linux-x64, linux-arm64, osx-x64 and osx-arm64 are published");
        }
        Compiler = CCompiler();
        if (Compiler is null)
        {
            return (null, null, "native AOT needs clang to compile and link, and neither `clang` nor a versioned `clang-N` is on PATH "
                + $"({System.Environment.GetEnvironmentVariable("PATH")}); install it (Debian: apt-get install clang; .ci/run does) and run the tests again");
        }

        var sources = Path.Combine(_root, "sources");
        CopySources(sources);
        var (exitCode, log, command) = Publish(sources, PublishDir);
        var missing = new[] { "gowatch", "gowatchd" }.Where(name => !File.Exists(Path.Combine(PublishDir, name))).ToList();
        if (exitCode != 0 || missing.Count > 0)
        {
            return (null, null, $"`{command}` {(exitCode != 0 ? $"exited with {exitCode}" : $"did not produce {string.Join(" and ", missing)}")}; the end of its output:\n{Tail(log, 60)}");
        }

        var bin = Path.Combine(_root, "bin");
        Directory.CreateDirectory(bin);
        foreach (var name in new[] { "gowatch", "gowatchd" })
        {
            var published = Path.Combine(PublishDir, name);
            File.Copy(published, Path.Combine(bin, name));
            File.SetUnixFileMode(Path.Combine(bin, name), File.GetUnixFileMode(published));
        }
        return (Path.Combine(bin, "gowatchd"), Path.Combine(bin, "gowatch"), null);
    }

    private static string? RuntimeIdentifier()
    {
        var os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "osx" : null;
        var arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            _ => null,
        };
        return os is null || arch is null ? null : $"{os}-{arch}";
    }

    /// <summary><c>clang</c> if it is on PATH, else the newest <c>clang-N</c> (Debian installs only those with some packages).</summary>
    private static string? CCompiler()
    {
        var directories = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Where(Directory.Exists).ToList();
        if (directories.Any(d => IsExecutable(Path.Combine(d, "clang"))))
        {
            return "clang";
        }
        return directories
            .SelectMany(d => Directory.EnumerateFiles(d, "clang-*"))
            .Where(IsExecutable)
            .Select(Path.GetFileName)
            .Select(name => (Name: name!, Version: int.TryParse(name!["clang-".Length..], out var v) ? v : -1))
            .Where(c => c.Version >= 0)
            .OrderByDescending(c => c.Version)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    /// <summary>What the daemon's build reads: the root props, global.json, src/ and launchd/ (Platform embeds the service templates), without bin/ and obj/.</summary>
    private static void CopySources(string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "NuGet.config", "nuget.config" })
        {
            var from = Path.Combine(BuiltApps.RepoRoot, file);
            if (File.Exists(from))
            {
                File.Copy(from, Path.Combine(to, file));
            }
        }
        foreach (var folder in new[] { "src", "launchd" })
        {
            var from = Path.Combine(BuiltApps.RepoRoot, folder);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts.Contains("bin") || parts.Contains("obj"))
                {
                    continue;
                }
                var target = Path.Combine(to, folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    private (int ExitCode, string Log, string Command) Publish(string sources, string output)
    {
        var args = new List<string>
        {
            // SPEC §9's command; the compiler is named only when it is a versioned clang-N.
            "publish", Path.Combine(sources, "src", "Cli"),
            "-c", "Release", "-r", Rid!,
            "-o", output, "-nologo",
            // A compiler server or MSBuild node left running would keep our output pipes open (and outlive the tests).
            "--disable-build-servers",
        };
        if (Compiler != "clang")
        {
            args.Add($"-p:CppCompilerAndLinker={Compiler}");
        }
        // Niced: the other test projects run beside this one, some of them timing things.
        var nice = File.Exists("/usr/bin/nice") ? "/usr/bin/nice" : null;
        var psi = new ProcessStartInfo(nice ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = sources,
        };
        if (nice is not null)
        {
            psi.ArgumentList.Add("-n");
            psi.ArgumentList.Add("10");
            psi.ArgumentList.Add("dotnet");
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        // `dotnet test` hands its MSBuild settings down to the test host; this build must find its own.
        foreach (var name in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(name);
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";

        var command = "dotnet " + string.Join(' ', args);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PublishTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, $"(killed after {PublishTimeout.TotalMinutes:0} minutes)\n{stdout.Result}{stderr.Result}", command);
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result, command);
    }

    private static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(lines));

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
}

/// <summary>The tests that share one native publish of gowatch and gowatchd.</summary>
[CollectionDefinition(Name)]
public sealed class NativeDaemonCollection : ICollectionFixture<NativeDaemonBuild>
{
    public const string Name = "native gowatchd";
}
