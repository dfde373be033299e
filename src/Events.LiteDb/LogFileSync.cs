using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GoWatch.Events.Store.LiteDb;

/// <summary>
/// LiteDB 5 writes a commit's pages to its log file and calls <c>Stream.Flush()</c>, which hands
/// them to the OS but does not reach the disk: a machine crash could lose an acknowledged append.
/// After each commit we sync the log file ourselves (fsync; <c>F_FULLFSYNC</c> on macOS, where a
/// plain fsync stops at the drive's cache). Any descriptor of the file syncs its data, so a
/// read-only handle of our own is enough and LiteDB's internals stay untouched.
/// </summary>
internal sealed partial class LogFileSync(string logPath) : IDisposable
{
    private const int MacFullFsync = 51; // F_FULLFSYNC from <sys/fcntl.h>

    private SafeFileHandle? _handle;

    /// <summary>How many syncs reached the disk (tests and benchmarks read it).</summary>
    public long Syncs { get; private set; }

    public void Sync()
    {
        if (_handle is null)
        {
            if (!File.Exists(logPath))
            {
                return;
            }
            _handle = File.OpenHandle(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            // The log file was just created: make its directory entry durable too.
            SyncPath(Path.GetDirectoryName(logPath)!);
        }
        SyncHandle(_handle);
        Syncs++;
    }

    private static void SyncPath(string directory)
    {
        // .NET will not open a directory as a file handle; libc will.
        var fd = Open(directory, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            return; // Best effort: the data itself is still synced below.
        }
        try
        {
            _ = FileSync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static void SyncHandle(SafeFileHandle handle)
    {
        var fd = (int)handle.DangerousGetHandle();
        if (OperatingSystem.IsMacOS() && FileControl(fd, MacFullFsync, 0) == 0)
        {
            return;
        }
        if (FileSync(fd) != 0)
        {
            throw new IOException($"fsync failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FileSync(int fd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int FileControl(int fd, int command, int argument);

    public void Dispose() => _handle?.Dispose();
}
