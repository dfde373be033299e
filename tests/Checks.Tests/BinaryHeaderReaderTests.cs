using System.Buffers.Binary;
using GoWatch.Checks.Binary;

namespace GoWatch.Checks.Tests;

/// <summary>Architectures from crafted Mach-O (thin and fat) and ELF headers.</summary>
public sealed class BinaryHeaderReaderTests
{
    private static byte[] Thin(uint cpu, bool bigEndian = false)
    {
        var b = new byte[32];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b, 0xFEEDFACF);
            BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(4), cpu);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, 0xFEEDFACF);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), cpu);
        }
        return b;
    }

    [Theory]
    [InlineData(0x0100000Cu, "arm64")]
    [InlineData(0x01000007u, "amd64")]
    public void Thin_mach_o_names_its_cpu(uint cpu, string arch)
    {
        var header = BinaryHeaderReader.Parse(Thin(cpu));
        Assert.Equal(BinaryFormat.MachO, header.Format);
        Assert.Equal([arch], header.Architectures);
        Assert.Equal([arch], BinaryHeaderReader.Parse(Thin(cpu, bigEndian: true)).Architectures);
    }

    [Fact]
    public void Universal_mach_o_lists_every_slice_and_runs_natively_on_both()
    {
        var b = new byte[8 + 2 * 20];
        BinaryPrimitives.WriteUInt32BigEndian(b, 0xCAFEBABE);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(8), 0x01000007);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(28), 0x0100000C);
        var header = BinaryHeaderReader.Parse(b);
        Assert.Equal(BinaryFormat.MachOUniversal, header.Format);
        Assert.Equal(["amd64", "arm64"], header.Architectures);
        Assert.True(header.RunsNativelyOn("arm64"));
    }

    [Fact]
    public void Java_class_file_is_not_mistaken_for_a_universal_binary()
    {
        var b = new byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(b, 0xCAFEBABE);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(4), 0x00000034);
        Assert.False(BinaryHeaderReader.Parse(b).IsKnown);
    }

    [Theory]
    [InlineData((ushort)62, "amd64")]
    [InlineData((ushort)183, "arm64")]
    public void Elf_names_its_machine(ushort machine, string arch)
    {
        var b = new byte[64];
        b[0] = 0x7F; b[1] = (byte)'E'; b[2] = (byte)'L'; b[3] = (byte)'F'; b[4] = 2; b[5] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(18), machine);
        Assert.Equal([arch], BinaryHeaderReader.Parse(b).Architectures);
    }

    [Fact]
    public void Script_and_missing_file_have_no_architecture()
    {
        Assert.Equal(BinaryFormat.Script, BinaryHeaderReader.Parse("#!/bin/sh\n"u8).Format);
        Assert.False(BinaryHeaderReader.Read("/no/such/file").IsKnown);
    }

    [Fact]
    public void Real_debian_go_is_an_elf_for_this_cpu()
    {
        var header = BinaryHeaderReader.Read("/usr/bin/go");
        Assert.Equal(BinaryFormat.Elf, header.Format);
        Assert.True(header.RunsNativelyOn(GoWatch.Platform.Locations.HostArchitecture.Detect(GoWatch.Platform.PlatformKind.Linux)));
    }
}
