namespace GoWatch.Events.Store;

/// <summary>Optimistic concurrency for appends: the stream version the writer based its decision on.</summary>
public static class ExpectedVersion
{
    /// <summary>Append whatever the stream's version is.</summary>
    public const long Any = -2;

    /// <summary>The stream must not exist yet.</summary>
    public const long NoStream = 0;
}
