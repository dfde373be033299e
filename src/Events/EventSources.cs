namespace GoWatch.Events;

/// <summary>Who recorded an event.</summary>
public static class EventSources
{
    public const string Daemon = "daemon";
    public const string Cli = "cli";
}
