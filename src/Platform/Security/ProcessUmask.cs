using System.Runtime.InteropServices;

namespace GoWatch.Platform.Security;

/// <summary>
/// GoWatch's files hold the contents of shell startup files, which may hold secrets; every file
/// and directory it creates (store, its log, lock, socket, logs) must be the owner's alone.
/// Setting the process umask once covers files created by libraries too.
/// </summary>
public static partial class ProcessUmask
{
    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint Umask(uint mask);

    /// <summary>New files become 0600, new directories 0700.</summary>
    public static void RestrictToOwner() => Umask(0b000_111_111);
}
