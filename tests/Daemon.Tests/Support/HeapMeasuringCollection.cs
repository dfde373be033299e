namespace GoWatch.Daemon.Tests.Support;

/// <summary>Tests that measure the GC heap run alone: other tests allocating at the same time would move the figures.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasuringCollection
{
    public const string Name = "heap measuring";
}
