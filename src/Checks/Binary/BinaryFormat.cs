namespace GoWatch.Checks.Binary;

/// <summary>What kind of file a header says a binary is.</summary>
public enum BinaryFormat
{
    /// <summary>Missing, unreadable, or not a format GoWatch knows.</summary>
    Unknown,
    /// <summary>A single-architecture Mach-O (macOS) image.</summary>
    MachO,
    /// <summary>A universal (fat) Mach-O holding one slice per architecture.</summary>
    MachOUniversal,
    /// <summary>An ELF (Linux) image.</summary>
    Elf,
    /// <summary>A <c>#!</c> script: its architecture is that of its interpreter.</summary>
    Script,
}
