using System.Text;

namespace GoWatch.Checks.Binary;

/// <summary>
/// Reads the main package path from a Go binary's embedded build info (what <c>go version -m</c>
/// prints as <c>path</c>) without running it: a blob that starts with <c>\xff Go buildinf:</c>,
/// 16-byte aligned, holding the Go version and the module info as length-prefixed strings
/// (Go 1.18 and later).
/// </summary>
public static class BuildInfoReader
{
    private static readonly byte[] Magic = [0xFF, .. " Go buildinf:"u8];
    private const int HeaderSize = 32;
    private const int ChunkSize = 1 << 20;
    private const int MaxTail = 64 * 1024;

    /// <summary>The main package path, or null when the file is no Go binary, is older than Go 1.18, or cannot be read.</summary>
    public static string? MainPackage(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[ChunkSize + MaxTail];
            long offset = 0;
            while (offset < stream.Length)
            {
                stream.Position = offset;
                var read = ReadFully(stream, buffer);
                var found = buffer.AsSpan(0, read).IndexOf(Magic);
                if (found >= 0)
                {
                    stream.Position = offset + found;
                    var blob = new byte[MaxTail];
                    return Parse(blob.AsSpan(0, ReadFully(stream, blob)));
                }
                if (read < buffer.Length)
                {
                    return null;
                }
                offset += ChunkSize;
            }
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Parses a build-info blob that starts at its magic.</summary>
    public static string? Parse(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < HeaderSize || !blob.StartsWith(Magic))
        {
            return null;
        }
        // Byte 15 holds flags; 0x2 means the strings follow the header inline (Go 1.18+).
        if ((blob[15] & 0x2) == 0)
        {
            return null;
        }
        var rest = blob[HeaderSize..];
        if (ReadBytes(ref rest) is null || ReadBytes(ref rest) is not { } raw)
        {
            return null;
        }
        // The module info is wrapped in 16-byte sentinels, as runtime/debug strips them.
        if (raw.Length >= 33 && raw[^17] == (byte)'\n')
        {
            raw = raw[16..^16];
        }
        var modinfo = Encoding.UTF8.GetString(raw);
        foreach (var line in modinfo.Split('\n'))
        {
            if (line.StartsWith("path\t", StringComparison.Ordinal))
            {
                return line["path\t".Length..].Trim();
            }
        }
        return null;
    }

    private static byte[]? ReadBytes(ref ReadOnlySpan<byte> data)
    {
        ulong length = 0;
        var shift = 0;
        var i = 0;
        while (true)
        {
            if (i >= data.Length || shift > 35)
            {
                return null;
            }
            var b = data[i++];
            length |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
            shift += 7;
        }
        if (length > (ulong)(data.Length - i))
        {
            return null;
        }
        var bytes = data.Slice(i, (int)length).ToArray();
        data = data[(i + (int)length)..];
        return bytes;
    }

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }
        return total;
    }
}
