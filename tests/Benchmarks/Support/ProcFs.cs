using System.Globalization;
using System.Runtime.InteropServices;

namespace GoWatch.Benchmarks.Support;

/// <summary>Memory and CPU of a process, read from /proc as the kernel accounts them.</summary>
public static partial class ProcFs
{
    private const int ScClkTck = 2; // _SC_CLK_TCK

    private static readonly long TicksPerSecond = Math.Max(1, SystemConfig(ScClkTck));

    /// <summary>A field of /proc/PID/status in bytes (VmRSS: resident now; VmHWM: the resident peak).</summary>
    public static long StatusBytes(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var parts = line[(field.Length + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"{field} not in /proc/{pid}/status");
    }

    public static long Rss(int pid) => StatusBytes(pid, "VmRSS");

    public static long PeakRss(int pid) => StatusBytes(pid, "VmHWM");

    /// <summary>utime + stime of the process (all its threads), in seconds.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state): utime is field 14, stime field 15.
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (utime + stime) / (double)TicksPerSecond;
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SystemConfig(int name);
}
