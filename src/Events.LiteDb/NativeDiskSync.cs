using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GoWatch.Events.Store.LiteDb;

/// <summary>
/// fsync(2) on Linux; <c>fcntl(F_FULLFSYNC)</c> on macOS, where fsync stops at the drive's
/// cache (fsync(2) on macOS says so). A file system that has no full sync (SMB, FAT, some
/// external drives answer ENOTSUP or EINVAL) gets fsync, the best it offers.
/// </summary>
internal sealed partial class NativeDiskSync(bool fullSync) : IDiskSync
{
    private const int MacFullFsync = 51; // F_FULLFSYNC from <sys/fcntl.h>

    // What a file system without a full sync answers (macOS errno values).
    private const int MacNotSupported = 45; // ENOTSUP
    private const int InvalidArgument = 22; // EINVAL
    private const int NotATerminal = 25; // ENOTTY

    /// <summary>The sync this operating system needs.</summary>
    public static NativeDiskSync ForThisSystem() => new(fullSync: OperatingSystem.IsMacOS());

    public void Sync(SafeFileHandle file)
    {
        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            var fd = (int)file.DangerousGetHandle();
            if (fullSync)
            {
                if (FileControl(fd, MacFullFsync, 0) == 0)
                {
                    return;
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno is not (MacNotSupported or InvalidArgument or NotATerminal))
                {
                    throw new IOException($"fcntl(F_FULLFSYNC) failed: {Marshal.GetLastPInvokeErrorMessage()}", errno);
                }
            }
            if (FileSync(fd) != 0)
            {
                throw new IOException($"fsync failed: {Marshal.GetLastPInvokeErrorMessage()}", Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    public void SyncDirectory(string directory)
    {
        // .NET will not open a directory as a file handle; libc will.
        var fd = Open(directory, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            return; // Best effort: the file's data itself is still synced.
        }
        try
        {
            _ = fullSync && FileControl(fd, MacFullFsync, 0) == 0 ? 0 : FileSync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FileSync(int fd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    // fcntl is variadic, and Apple arm64 passes variadic arguments on the stack: harmless here,
    // since F_FULLFSYNC ignores its argument.
    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int FileControl(int fd, int command, int argument);
}
