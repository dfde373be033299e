using System.Buffers.Binary;
using System.Runtime.InteropServices;
using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Probes;

/// <summary>Reads a path's device and inode through .NET's own native layer, whose stat layout is the same on Linux and macOS.</summary>
internal static partial class FileIdentityReader
{
    // System.Native's FileStatus: Flags, Mode, Uid, Gid (4 bytes each), then 64-bit Size, ATime,
    // ATimeNsec, MTime, MTimeNsec, CTime, CTimeNsec, BirthTime, BirthTimeNsec, Dev, RDev, Ino.
    private const int StatBufferSize = 256;
    private const int DeviceOffset = 88;
    private const int InodeOffset = 104;

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, Span<byte> status);

    /// <summary>The identity of what <paramref name="path"/> reaches (following links), or null when nothing is there.</summary>
    public static FileIdentity? Read(string path)
    {
        Span<byte> status = stackalloc byte[StatBufferSize];
        return Stat(path, status) == 0
            ? new FileIdentity(BinaryPrimitives.ReadInt64LittleEndian(status[DeviceOffset..]), BinaryPrimitives.ReadInt64LittleEndian(status[InodeOffset..]))
            : null;
    }
}
