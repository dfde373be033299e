namespace GoWatch.Platform.Locations;

/// <summary>A setting or the config file is invalid; the message says which and why.</summary>
public sealed class SettingsException(string message) : Exception(message);
