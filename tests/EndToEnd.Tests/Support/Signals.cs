using System.Runtime.InteropServices;

namespace GoWatch.EndToEnd.Tests.Support;

/// <summary>Process.Kill sends SIGKILL; a clean stop needs SIGTERM.</summary>
public static partial class Signals
{
    public const int Term = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
