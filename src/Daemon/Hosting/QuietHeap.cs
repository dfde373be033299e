namespace GoWatch.Daemon.Hosting;

/// <summary>
/// Hands the GC heap's free space back to the system once the daemon has gone quiet. The GC keeps
/// what start-up or a burst made it commit: an idle daemon whose live objects take about 3 MB sat
/// on 8–20 MB of heap (tests/Benchmarks/ANALYSIS.md, P2 / P3). One aggressive, compacting
/// collection after the work is done gives it back, at a few milliseconds of CPU.
/// </summary>
public static class QuietHeap
{
    /// <summary>
    /// Called only where work has just ended (a verification run, which comes after start-up and
    /// after recorded changes settle): nothing it does records or triggers anything, so it cannot
    /// make a loop of itself.
    /// </summary>
    public static void Release() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
