namespace GoWatch.Testing;

/// <summary>What a shim prints and returns for one call.</summary>
public sealed record ShimResponse(int ExitCode = 0, string Stdout = "", string Stderr = "")
{
    /// <summary>Seconds the shim sleeps before answering, to provoke a timeout.</summary>
    public int SleepSeconds { get; init; }

    public static ShimResponse Ok(string stdout = "") => new(0, stdout);
}
