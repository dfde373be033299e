namespace GoWatch.Events.Projections;

/// <summary>What the log last said about a watched file.</summary>
public enum FileStatus
{
    Absent,
    Present,
    Unreadable,
}
