using System.Runtime.InteropServices;

namespace GoWatch.Testing;

/// <summary>Process.Kill sends SIGKILL; a clean stop needs SIGTERM, freezing a process SIGSTOP and SIGCONT.</summary>
public static partial class Signals
{
    public const int Term = 15;
    public const int Cont = 18;
    public const int Stop = 19;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
