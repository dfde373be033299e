namespace GoWatch.Recording.Reporting;

/// <summary>A notification that was sent (or handed to the log when no desktop took it).</summary>
public sealed record NotificationMark(long Position, DateTimeOffset Time, string Channel, string Title, string Message, IReadOnlyList<string> CheckIds, bool Delivered);
