using System.Runtime.InteropServices;

namespace GoWatch.Benchmarks.Support;

/// <summary>The machine the figures were measured on.</summary>
public sealed record Machine(string Cpu, int Cores, string Memory, string Os, string Kernel, string Runtime, string Sdk, string Commit, string Disk)
{
    public static Machine Describe()
    {
        var cpu = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var memory = memKb is null ? "?" : Stats.Bytes(long.Parse(memKb, System.Globalization.CultureInfo.InvariantCulture) * 1024);
        var os = ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "?";
        var sdk = Try("dotnet", RepoPaths.Root, "--version");
        var commit = Try("git", RepoPaths.Root, "rev-parse", "--short", "HEAD");
        var dirty = Try("git", RepoPaths.Root, "status", "--porcelain", "--untracked-files=no");
        var disk = Try("df", "/tmp", "-h", "--output=source,fstype,size", "/tmp").Split('\n').Skip(1).FirstOrDefault()?.Trim() ?? "?";
        return new Machine(cpu, Environment.ProcessorCount, memory, os, kernel, RuntimeInformation.FrameworkDescription, sdk, commit + (dirty.Length > 0 ? " (with uncommitted changes in the work tree)" : ""), disk);
    }

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];

    private static string Try(string program, string directory, params string[] args)
    {
        try
        {
            var psi = new System.Diagnostics.ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = directory,
            };
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }
            return ProcessRun.Run(psi, TimeSpan.FromSeconds(30)).Stdout.Trim();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException)
        {
            return "?";
        }
    }
}
