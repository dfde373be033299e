namespace GoWatch.Platform.Security;

/// <summary>A path that must be a regular file is a FIFO, socket, device or directory; the message says which.</summary>
public sealed class NotARegularFileException(string reason) : IOException(reason);
