using System.Buffers.Binary;
using GoWatch.Platform.Security;

namespace GoWatch.Checks.Binary;

/// <summary>
/// Reads the CPU architecture of an executable from its first bytes, without running it:
/// running an Intel <c>go</c> on Apple Silicon would silently go through Rosetta and tell us
/// nothing, so the header is the only honest witness.
/// </summary>
public static class BinaryHeaderReader
{
    private const uint MachO64 = 0xFEEDFACF;
    private const uint MachO64Swapped = 0xCFFAEDFE;
    private const uint MachO32 = 0xFEEDFACE;
    private const uint MachO32Swapped = 0xCEFAEDFE;
    private const uint Fat = 0xCAFEBABE;
    private const uint Fat64 = 0xCAFEBABF;

    // A Java class file shares the fat magic; its "count" is a class-file version (>= 45),
    // while real universal binaries hold a handful of slices.
    private const uint MaxFatSlices = 32;
    private const int HeaderBytes = 4096;

    /// <summary>Reads the header of the file at <paramref name="path"/> (following symlinks); never throws for I/O problems.</summary>
    public static BinaryHeader Read(string path)
    {
        try
        {
            using var stream = RegularFile.OpenRead(path);
            var buffer = new byte[HeaderBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }
            return Parse(buffer.AsSpan(0, total));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return BinaryHeader.Unknown;
        }
    }

    /// <summary>Parses the first bytes of a file (a few hundred are enough for every known format).</summary>
    public static BinaryHeader Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == (byte)'#' && bytes[1] == (byte)'!')
        {
            return new BinaryHeader(BinaryFormat.Script, []);
        }
        if (bytes.Length < 8)
        {
            return BinaryHeader.Unknown;
        }
        if (bytes[0] == 0x7F && bytes[1] == (byte)'E' && bytes[2] == (byte)'L' && bytes[3] == (byte)'F')
        {
            return ParseElf(bytes);
        }

        var bigEndian = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (bigEndian is Fat or Fat64)
        {
            return ParseFat(bytes, bigEndian == Fat64);
        }

        var littleEndian = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        return littleEndian switch
        {
            MachO64 or MachO32 => Thin(BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..])),
            MachO64Swapped or MachO32Swapped => Thin(BinaryPrimitives.ReadUInt32BigEndian(bytes[4..])),
            _ => BinaryHeader.Unknown,
        };
    }

    /// <summary>Go's name for a Mach-O <c>cputype</c>.</summary>
    public static string MachCpuName(uint cpuType) => cpuType switch
    {
        0x0100000C => "arm64",
        0x01000007 => "amd64",
        0x00000007 => "386",
        0x0000000C => "arm",
        0x0200000C => "arm64_32",
        0x01000012 => "ppc64",
        0x00000012 => "ppc",
        _ => $"unknown(0x{cpuType:X8})",
    };

    /// <summary>Go's name for an ELF <c>e_machine</c>.</summary>
    public static string ElfMachineName(ushort machine) => machine switch
    {
        62 => "amd64",
        183 => "arm64",
        3 => "386",
        40 => "arm",
        243 => "riscv64",
        21 => "ppc64",
        22 => "s390x",
        _ => $"unknown({machine})",
    };

    private static BinaryHeader Thin(uint cpuType) => new(BinaryFormat.MachO, [MachCpuName(cpuType)]);

    private static BinaryHeader ParseFat(ReadOnlySpan<byte> bytes, bool is64)
    {
        var count = BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
        if (count == 0 || count > MaxFatSlices)
        {
            return BinaryHeader.Unknown;
        }
        var entrySize = is64 ? 32 : 20;
        var architectures = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var offset = 8 + (i * entrySize);
            if (offset + 4 > bytes.Length)
            {
                break;
            }
            var name = MachCpuName(BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..]));
            if (!architectures.Contains(name))
            {
                architectures.Add(name);
            }
        }
        return architectures.Count == 0 ? BinaryHeader.Unknown : new BinaryHeader(BinaryFormat.MachOUniversal, architectures);
    }

    private static BinaryHeader ParseElf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 20)
        {
            return BinaryHeader.Unknown;
        }
        // EI_DATA: 1 little-endian, 2 big-endian. e_machine sits at offset 18 in both ELF classes.
        var machine = bytes[5] == 2
            ? BinaryPrimitives.ReadUInt16BigEndian(bytes[18..])
            : BinaryPrimitives.ReadUInt16LittleEndian(bytes[18..]);
        return new BinaryHeader(BinaryFormat.Elf, [ElfMachineName(machine)]);
    }
}
