namespace GoWatch.Recording;

/// <summary>What a watched path holds right now.</summary>
public abstract record FileObservation
{
    private FileObservation()
    {
    }

    public sealed record Absent : FileObservation;

    /// <summary>A readable file. <see cref="Content"/> is null when the file is over the snapshot cap.</summary>
    public sealed record Present(string Sha256, long Size, byte[]? Content) : FileObservation;

    public sealed record Unreadable(string Reason) : FileObservation;
}
