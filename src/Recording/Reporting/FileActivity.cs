using System.Collections.Immutable;

namespace GoWatch.Recording.Reporting;

/// <summary>Changes recorded for one watched file: in total and per slice of the window (the heat strip).</summary>
public sealed record FileActivity(string Path, int Changes, ImmutableArray<int> PerSlice, DateTimeOffset Last)
{
    public static FileActivity Empty(string path, int slices) => new(path, 0, ImmutableArray.Create(new int[slices]), DateTimeOffset.MinValue);

    public FileActivity Add(int slice, DateTimeOffset time) =>
        this with { Changes = Changes + 1, PerSlice = PerSlice.SetItem(slice, PerSlice[slice] + 1), Last = time > Last ? time : Last };
}
