using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GoWatch.Platform.Security;

/// <summary>
/// Opens files a user controls without trusting them to be files: <c>open(2)</c> on a FIFO blocks
/// until someone writes to it, and <c>/dev/zero</c> never ends. A path is opened non-blocking and
/// checked with <c>fstat</c> on the descriptor itself (no window between looking and opening); anything
/// but a regular file is refused with a reason ("a FIFO, not a regular file").
/// </summary>
public static partial class RegularFile
{
    // .NET's own native layer (System.Native) has one stat layout on every Unix: Mode is the
    // second 32-bit field. Its file type bits are the PAL's, the same on Linux and macOS.
    private const int StatBufferSize = 256;
    private const int ModeOffset = 4;
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharDevice = 0x2000;
    private const int DirectoryType = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int SymbolicLink = 0xA000;
    private const int SocketType = 0xC000;

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FStat")]
    private static partial int FStat(SafeFileHandle fd, Span<byte> status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, Span<byte> status);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    private static int NonBlockingReadOnly => OperatingSystem.IsMacOS() ? 0x0004 | 0x01000000 : 0x0800 | 0x80000; // O_NONBLOCK | O_CLOEXEC

    /// <summary>
    /// Why <paramref name="path"/> (following symlinks) is not a regular file, e.g. "a FIFO, not a
    /// regular file"; null when it is one, or when it does not exist.
    /// </summary>
    public static string? WhyNotRegular(string path)
    {
        Span<byte> status = stackalloc byte[StatBufferSize];
        try
        {
            return Stat(path, status) == 0 ? Describe(ModeOf(status)) : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return Directory.Exists(path) ? "a directory, not a regular file" : null;
        }
    }

    /// <summary>Opens a regular file for reading, never blocking on a FIFO or device.</summary>
    /// <exception cref="NotARegularFileException">it is a FIFO, socket, device or directory.</exception>
    /// <exception cref="FileNotFoundException">it does not exist (or is a dangling symlink).</exception>
    /// <exception cref="UnauthorizedAccessException">it may not be read.</exception>
    /// <exception cref="IOException">it cannot be opened for another reason.</exception>
    public static FileStream OpenRead(string path)
    {
        int fd;
        try
        {
            fd = Open(path, NonBlockingReadOnly);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to call (an unusual runtime): open as .NET does, after the type check it allows.
            return WhyNotRegular(path) is { } why ? throw new NotARegularFileException(why) : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        }
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                2 => new FileNotFoundException($"{path} does not exist", path),
                13 or 1 => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
                6 => new NotARegularFileException(WhyNotRegular(path) ?? "not a regular file"), // ENXIO: a socket
                20 => new DirectoryNotFoundException($"a directory on the way to {path} is missing"),
                _ => new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}", errno),
            };
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            Span<byte> status = stackalloc byte[StatBufferSize];
            var examined = TryFStat(handle, status);
            if (examined == false)
            {
                throw new IOException($"{path} cannot be examined");
            }
            if (examined == true && Describe(ModeOf(status)) is { } why)
            {
                throw new NotARegularFileException(why);
            }
            return new FileStream(handle, FileAccess.Read, 64 * 1024);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>fstat through .NET's native layer; null when this runtime has none to call (the open was non-blocking all the same).</summary>
    private static bool? TryFStat(SafeFileHandle handle, Span<byte> status)
    {
        try
        {
            return FStat(handle, status) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The bytes of a regular file of at most <paramref name="cap"/> bytes; null when it is larger
    /// (only the first cap+1 bytes are ever read).
    /// </summary>
    public static byte[]? ReadAllBytes(string path, long cap)
    {
        using var stream = OpenRead(path);
        return ReadCapped(stream, cap);
    }

    /// <summary>Up to <paramref name="cap"/> bytes of a stream; null when there are more.</summary>
    public static byte[]? ReadCapped(Stream stream, long cap)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, cap + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > cap)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The text of a regular file of at most <paramref name="cap"/> bytes; null when it is larger.</summary>
    public static string? ReadAllText(string path, long cap) =>
        ReadAllBytes(path, cap) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    private static int ModeOf(ReadOnlySpan<byte> status) => BitConverter.ToInt32(status[ModeOffset..]);

    private static string? Describe(int mode) => (mode & TypeMask) switch
    {
        Regular => null,
        Fifo => "a FIFO, not a regular file",
        SocketType => "a socket, not a regular file",
        CharDevice => "a character device, not a regular file",
        BlockDevice => "a block device, not a regular file",
        DirectoryType => "a directory, not a regular file",
        SymbolicLink => "a symlink, not a regular file",
        _ => "not a regular file",
    };
}
