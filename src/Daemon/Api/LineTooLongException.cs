namespace GoWatch.Daemon.Api;

/// <summary>A local API request line over the cap; the connection is answered with an error and closed.</summary>
public sealed class LineTooLongException(int maxLineBytes)
    : IOException($"request line longer than {maxLineBytes / 1024} KiB")
{
    public int MaxLineBytes { get; } = maxLineBytes;
}
