namespace GoWatch.Cli.Backend;

/// <summary>Neither the daemon nor the store could be reached; the message says why and what to do.</summary>
public sealed class BackendUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
