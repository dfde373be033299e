namespace GoWatch.Daemon.Api;

/// <summary>The local API socket could not be set up; the message says where and why, in one line.</summary>
public sealed class LocalApiUnavailableException(string message, Exception inner) : Exception(message, inner);
