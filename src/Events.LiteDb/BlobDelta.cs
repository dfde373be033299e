using System.Buffers.Binary;
using System.Numerics;

namespace GoWatch.Events.Store.LiteDb;

/// <summary>
/// A copy/insert delta of one byte sequence against another, the way git packs a revision
/// against its neighbour: a run of bytes the base already has is stored as (offset, length),
/// the rest literally. Byte-exact for any content (invalid UTF-8, CRLF, NULs), so a snapshot
/// comes back exactly as it was written.
/// <para>
/// Encoding: a sequence of operations, each starting with a varint <c>n</c>:
/// <c>n = length &lt;&lt; 1 | 1</c> followed by a varint offset copies <c>length</c> bytes of
/// the base from that offset; <c>n = length &lt;&lt; 1</c> followed by <c>length</c> bytes inserts
/// them. Nothing else: the result's length and hash are kept beside the delta and checked.
/// </para>
/// </summary>
internal static class BlobDelta
{
    /// <summary>Matches are found through blocks of this many bytes; shorter common runs are inserted literally.</summary>
    private const int Block = 16;

    /// <summary>The delta that turns <paramref name="baseContent"/> into <paramref name="target"/>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> baseContent, ReadOnlySpan<byte> target)
    {
        var output = new ArrayBufferWriterLite(Math.Max(64, target.Length / 8));
        if (baseContent.Length < Block || target.Length < Block)
        {
            Insert(output, target);
            return output.ToArray();
        }

        // Index the base at every Block-aligned offset (first occurrence wins): memory stays at
        // base/16 entries even for the largest snapshot, and any common run of 2×Block-1 bytes or
        // more is still found, wherever it sits in the target.
        var index = new Dictionary<ulong, int>(baseContent.Length / Block + 1);
        for (var offset = 0; offset + Block <= baseContent.Length; offset += Block)
        {
            index.TryAdd(Hash(baseContent.Slice(offset, Block)), offset);
        }

        var literalStart = 0;
        var position = 0;
        while (position + Block <= target.Length)
        {
            if (index.TryGetValue(Hash(target.Slice(position, Block)), out var offset)
                && baseContent.Slice(offset, Block).SequenceEqual(target.Slice(position, Block)))
            {
                // Grow the match backwards into the pending literal, then forwards.
                var start = position;
                var from = offset;
                while (start > literalStart && from > 0 && baseContent[from - 1] == target[start - 1])
                {
                    start--;
                    from--;
                }
                var end = position + Block;
                var fromEnd = offset + Block;
                while (end < target.Length && fromEnd < baseContent.Length && baseContent[fromEnd] == target[end])
                {
                    end++;
                    fromEnd++;
                }
                if (start > literalStart)
                {
                    Insert(output, target[literalStart..start]);
                }
                Copy(output, from, end - start);
                position = end;
                literalStart = end;
            }
            else
            {
                position++;
            }
        }
        if (literalStart < target.Length)
        {
            Insert(output, target[literalStart..]);
        }
        return output.ToArray();
    }

    /// <summary>Applies <paramref name="delta"/> to <paramref name="baseContent"/>.</summary>
    /// <exception cref="InvalidDataException">the delta is malformed, reaches outside the base, or does not make <paramref name="size"/> bytes.</exception>
    public static byte[] Apply(ReadOnlySpan<byte> baseContent, ReadOnlySpan<byte> delta, int size)
    {
        var result = new byte[size];
        var written = 0;
        var read = 0;
        while (read < delta.Length)
        {
            var n = ReadVarint(delta, ref read);
            var length = n >> 1;
            if (length > (ulong)(size - written))
            {
                throw new InvalidDataException($"delta operation of {length} bytes runs past the {size}-byte result");
            }
            if ((n & 1) == 1)
            {
                var offset = ReadVarint(delta, ref read);
                if (offset > (ulong)baseContent.Length || length > (ulong)baseContent.Length - offset)
                {
                    throw new InvalidDataException($"delta copies {length} bytes at {offset} from a {baseContent.Length}-byte base");
                }
                baseContent.Slice((int)offset, (int)length).CopyTo(result.AsSpan(written));
            }
            else
            {
                if (length > (ulong)(delta.Length - read))
                {
                    throw new InvalidDataException("delta insert runs past its end");
                }
                delta.Slice(read, (int)length).CopyTo(result.AsSpan(written));
                read += (int)length;
            }
            written += (int)length;
        }
        if (written != size)
        {
            throw new InvalidDataException($"delta made {written} bytes, not {size}");
        }
        return result;
    }

    private static void Copy(ArrayBufferWriterLite output, int offset, int length)
    {
        WriteVarint(output, ((ulong)length << 1) | 1);
        WriteVarint(output, (ulong)offset);
    }

    private static void Insert(ArrayBufferWriterLite output, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }
        WriteVarint(output, (ulong)bytes.Length << 1);
        output.Write(bytes);
    }

    private static ulong Hash(ReadOnlySpan<byte> block)
    {
        var a = BinaryPrimitives.ReadUInt64LittleEndian(block);
        var b = BinaryPrimitives.ReadUInt64LittleEndian(block[8..]);
        var h = (a * 0x9E3779B97F4A7C15UL) ^ BitOperations.RotateLeft(b * 0xC2B2AE3D27D4EB4FUL, 31);
        return h ^ (h >> 29);
    }

    private static void WriteVarint(ArrayBufferWriterLite output, ulong value)
    {
        while (value >= 0x80)
        {
            output.Write((byte)(value | 0x80));
            value >>= 7;
        }
        output.Write((byte)value);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int read)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (read >= data.Length)
            {
                throw new InvalidDataException("delta ends inside a number");
            }
            var b = data[read++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        throw new InvalidDataException("delta number too long");
    }

    /// <summary>A growable byte buffer (System.Buffers.ArrayBufferWriter without the IBufferWriter ceremony).</summary>
    private sealed class ArrayBufferWriterLite(int capacity)
    {
        private byte[] _buffer = new byte[capacity];
        private int _count;

        public void Write(byte value)
        {
            Ensure(1);
            _buffer[_count++] = value;
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_count));
            _count += bytes.Length;
        }

        private void Ensure(int more)
        {
            if (_count + more > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + more));
            }
        }

        public byte[] ToArray() => _buffer.AsSpan(0, _count).ToArray();
    }
}
