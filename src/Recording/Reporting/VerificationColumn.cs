namespace GoWatch.Recording.Reporting;

/// <summary>
/// The verification runs that fall in one column of the timeline (<see cref="ReportWindow.Column"/>):
/// how many ran, how many had errors, and the first of those with the most error findings, which is
/// the one the page names. Tens of thousands of runs in a month fold into at most one per column.
/// </summary>
public sealed record VerificationColumn(int X, int Runs, int RunsWithErrors, DateTimeOffset WorstTime, int WorstErrors)
{
    /// <summary>A column of one run.</summary>
    public static VerificationColumn Of(int x, DateTimeOffset time, int errors) => new(x, 1, errors > 0 ? 1 : 0, time, errors);

    /// <summary>This column with <paramref name="later"/>'s runs after its own: the worst stays the first with the most errors.</summary>
    public VerificationColumn Then(VerificationColumn later)
    {
        ArgumentNullException.ThrowIfNull(later);
        var worse = later.WorstErrors > WorstErrors;
        return this with
        {
            Runs = Runs + later.Runs,
            RunsWithErrors = RunsWithErrors + later.RunsWithErrors,
            WorstTime = worse ? later.WorstTime : WorstTime,
            WorstErrors = worse ? later.WorstErrors : WorstErrors,
        };
    }
}
