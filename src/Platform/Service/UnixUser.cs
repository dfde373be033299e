using System.Runtime.InteropServices;

namespace GoWatch.Platform.Service;

/// <summary>The real user id of this process, which names the launchd <c>gui/&lt;uid&gt;</c> domain.</summary>
public static class UnixUser
{
    /// <summary>The real user id (<c>getuid()</c>); 0 on Windows, where there is none.</summary>
    public static uint CurrentUserId() => OperatingSystem.IsWindows() ? 0 : GetUid();

    // getuid never fails and libc resolves on both Linux (libc.so.6) and macOS (libSystem).
    [DllImport("libc", EntryPoint = "getuid")]
    private static extern uint GetUid();
}
