namespace GoWatch.Recording.Reporting;

/// <summary>
/// Verification runs folded into timeline columns as they come, in the order each column was first
/// seen (a clock set back can revisit an earlier column), so joining parts in position order gives
/// what grouping every run would have.
/// </summary>
public sealed class VerificationColumns
{
    private readonly List<VerificationColumn> _columns = [];
    private readonly Dictionary<int, int> _index = [];

    public IReadOnlyList<VerificationColumn> Columns => _columns;

    public void Add(VerificationColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (_index.TryGetValue(column.X, out var i))
        {
            _columns[i] = _columns[i].Then(column);
        }
        else
        {
            _index[column.X] = _columns.Count;
            _columns.Add(column);
        }
    }
}
