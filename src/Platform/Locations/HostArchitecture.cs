using System.Runtime.InteropServices;

namespace GoWatch.Platform.Locations;

/// <summary>
/// The host CPU. On macOS the hardware is asked (<c>hw.optional.arm64</c> through
/// <c>sysctlbyname</c>, no process spawned): a process translated by Rosetta sees x86_64 from
/// <c>uname -m</c> and from the runtime, which is exactly the confusion GoWatch exists to expose.
/// Elsewhere the runtime's answer is used as it is (no <c>uname</c>).
/// </summary>
public static partial class HostArchitecture
{
    public static string Detect(PlatformKind platform)
    {
        if (platform == PlatformKind.MacOS && OperatingSystem.IsMacOS())
        {
            return FromHardware(SysctlInt("hw.optional.arm64"), RuntimeInformation.OSArchitecture);
        }
        return FromRuntime(RuntimeInformation.OSArchitecture);
    }

    /// <summary>
    /// The CPU from <c>hw.optional.arm64</c>: 1 on Apple Silicon (even under Rosetta), 0 or
    /// absent (null) on Intel, where the runtime's answer is right.
    /// </summary>
    public static string FromHardware(int? optionalArm64, Architecture runtime) => optionalArm64 switch
    {
        1 => "arm64",
        0 => "amd64",
        _ => FromRuntime(runtime),
    };

    public static string FromRuntime(Architecture runtime) => runtime switch
    {
        Architecture.Arm64 => "arm64",
        Architecture.X64 => "amd64",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// A warning when this process runs translated by Rosetta (<c>sysctl.proc_translated</c> is 1):
    /// an x86_64 .NET on an Apple Silicon Mac. Null when it runs natively, or the key is absent (Intel).
    /// </summary>
    public static string? TranslationWarning(int? procTranslated, string program) => procTranslated == 1
        ? $"{program} runs under Rosetta (an x86_64 build on an Apple Silicon Mac): it works, but slower and with more memory; install the arm64 build (osx-arm64, or an arm64 .NET)."
        : null;

    /// <summary><see cref="TranslationWarning(int?, string)"/> for this process; only asks on macOS.</summary>
    public static string? TranslationWarning(string program) =>
        OperatingSystem.IsMacOS() ? TranslationWarning(SysctlInt("sysctl.proc_translated"), program) : null;

    /// <summary>An integer sysctl by name, or null when the name does not exist here.</summary>
    private static int? SysctlInt(string name)
    {
        var value = 0;
        nuint size = sizeof(int);
        return SysctlByName(name, ref value, ref size, IntPtr.Zero, 0) == 0 && size == sizeof(int) ? value : null;
    }

    // libSystem on macOS; only ever called there.
    [LibraryImport("libc", EntryPoint = "sysctlbyname", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SysctlByName(string name, ref int oldValue, ref nuint oldLength, IntPtr newValue, nuint newLength);

    /// <summary>Accepts the spellings people use (<c>x86_64</c>, <c>aarch64</c>) and returns Go's name.</summary>
    public static string? Normalize(string value) => value.Trim().ToLowerInvariant() switch
    {
        "arm64" or "aarch64" => "arm64",
        "amd64" or "x86_64" or "x64" => "amd64",
        _ => null,
    };
}
