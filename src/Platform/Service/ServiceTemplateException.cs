namespace GoWatch.Platform.Service;

/// <summary>The service file cannot be rendered for these paths; the message says which and why.</summary>
public sealed class ServiceTemplateException(string message) : Exception(message);
