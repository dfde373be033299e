namespace GoWatch.Events.Store;

/// <summary>
/// A history query. Filters compose (all must hold); results are newest first unless
/// <see cref="Ascending"/>; <see cref="Limit"/> 0 means no limit.
/// </summary>
public sealed record EventQuery
{
    public string? Stream { get; init; }
    public string? StreamPrefix { get; init; }
    /// <summary>Events about this path: those of its file and installation streams (<see cref="Streams"/>).</summary>
    public string? Path { get; init; }
    public IReadOnlyCollection<string>? Types { get; init; }
    public string? CheckId { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public long? AfterPosition { get; init; }
    public long? BeforePosition { get; init; }
    public int Limit { get; init; }
    public bool Ascending { get; init; }

    public static EventQuery All { get; } = new();
}
