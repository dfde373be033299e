using System.Runtime.InteropServices;
using GoWatch.Platform.Processes;

namespace GoWatch.Platform.Locations;

/// <summary>
/// The host CPU. On macOS the hardware is asked (<c>sysctl hw.optional.arm64</c>): a process
/// translated by Rosetta sees x86_64 from <c>uname -m</c> and from the runtime, which is
/// exactly the confusion GoWatch exists to expose.
/// </summary>
public static class HostArchitecture
{
    public static string Detect(PlatformKind platform)
    {
        if (platform == PlatformKind.MacOS && OperatingSystem.IsMacOS())
        {
            var result = ProcessRunner.Run(new ProcessSpec("/usr/sbin/sysctl", ["-n", "hw.optional.arm64"]) { Timeout = TimeSpan.FromSeconds(2) });
            if (result.ExitCode == 0)
            {
                return result.Stdout.Trim() == "1" ? "arm64" : "amd64";
            }
        }
        return RuntimeInformation.OSArchitecture switch
        {
            Architecture.Arm64 => "arm64",
            Architecture.X64 => "amd64",
            var other => other.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>Accepts the spellings people use (<c>x86_64</c>, <c>aarch64</c>) and returns Go's name.</summary>
    public static string? Normalize(string value) => value.Trim().ToLowerInvariant() switch
    {
        "arm64" or "aarch64" => "arm64",
        "amd64" or "x86_64" or "x64" => "amd64",
        _ => null,
    };
}
