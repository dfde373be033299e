using DiffPlex;

namespace GoWatch.Recording;

/// <summary>Lines added and removed between two snapshots, counted by a real line diff.</summary>
public static class LineChanges
{
    public static (int Added, int Removed) Count(byte[]? before, byte[]? after)
    {
        var a = before is null ? "" : System.Text.Encoding.UTF8.GetString(before);
        var b = after is null ? "" : System.Text.Encoding.UTF8.GetString(after);
        var diff = Differ.Instance.CreateLineDiffs(a, b, ignoreWhitespace: false);
        return (diff.DiffBlocks.Sum(d => d.InsertCountB), diff.DiffBlocks.Sum(d => d.DeleteCountA));
    }
}
