using System.Text;

namespace GoWatch.Daemon.Api;

/// <summary>
/// Reads newline-terminated UTF-8 lines from a stream, refusing any line longer than a cap: a
/// client that sends 100 MB without a newline must cost the daemon at most the cap, not the 100 MB
/// (and several times that in string builders) that <see cref="StreamReader.ReadLineAsync()"/> would hold.
/// </summary>
public sealed class BoundedLineReader(Stream stream, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _line = new();
    private int _start;
    private int _end;

    /// <summary>The next line without its newline; null at the end of the stream.</summary>
    /// <exception cref="LineTooLongException">the line is longer than the cap; the rest of it was not read.</exception>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.SetLength(0);
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                if (_end == 0)
                {
                    return _line.Length > 0 ? Decode() : null;
                }
            }
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var take = (newline < 0 ? _end : newline) - _start;
            if (_line.Length + take > maxLineBytes)
            {
                throw new LineTooLongException(maxLineBytes);
            }
            _line.Write(_buffer, _start, take);
            if (newline >= 0)
            {
                _start = newline + 1;
                return Decode();
            }
            _start = _end;
        }
    }

    private string Decode()
    {
        var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }
        return Encoding.UTF8.GetString(bytes);
    }
}
